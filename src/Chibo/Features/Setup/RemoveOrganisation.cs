using Chibo.Data;
using Chibo.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Setup;

/// <summary>
/// Undoes an organisation the setup (or an import) created by mistake: it goes with everything below it, but
/// only while nothing has been recorded there — no people, no cases, no accounts' roles. Anything else that
/// points at it makes the database refuse, and nothing is removed.
/// </summary>
public sealed class RemoveOrganisation(AppDbContext db)
{
    public async Task<Result<int>> RunAsync(Guid organisationId, int version, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return Result.Failure<int>(new Error("NOT-FOUND", "Không tìm thấy tổ chức này."));
        }

        if (organisation.Version != version)
        {
            return Result.Failure<int>(new Error("CONFLICT", $"{organisation.Name} vừa được người khác sửa. Hãy tải lại trang rồi làm lại."));
        }

        var subtree = db.Organisations.Where(o => o.Path.StartsWith(organisation.Path)).Select(o => (Guid?)o.Id);
        if (await db.People.AnyAsync(p => subtree.Contains(p.OrganisationId) || subtree.Contains(p.UnionBranchId), cancellationToken)
            || await db.Cases.AnyAsync(c => subtree.Contains((Guid?)c.CellId), cancellationToken)
            || await db.RoleAssignments.AnyAsync(r => subtree.Contains(r.OrganisationId), cancellationToken))
        {
            return Result.Failure<int>(new Error("ORG-IN-USE",
                $"Không xóa được {organisation.Name}: đã có người, hồ sơ hoặc tài khoản thuộc tổ chức này hay các đơn vị trực thuộc. Hãy sửa tên hoặc chuyển tổ chức thay vì xóa."));
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var units = await db.Organisations.Where(o => o.Path.StartsWith(organisation.Path)).ToListAsync(cancellationToken);
            try
            {
                // Deepest first, one save each level, so no row outlives its parent even for a moment.
                foreach (var level in units.GroupBy(o => o.Path.Length).OrderByDescending(g => g.Key))
                {
                    db.Organisations.RemoveRange(level);
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
            catch (DbUpdateException)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return Result.Failure<int>(new Error("ORG-IN-USE", $"Không xóa được {organisation.Name}: đã có dữ liệu ghi ở tổ chức này hoặc các đơn vị trực thuộc."));
            }

            await transaction.CommitAsync(cancellationToken);
            return Result.Success(units.Count);
        });
    }
}
