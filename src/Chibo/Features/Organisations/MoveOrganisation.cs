using Chibo.Data;
using Chibo.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Organisations;

/// <summary>
/// Re-parents an organisation with everything below it (districts were abolished on 01/7/2025: a cell's
/// committee changed overnight). The materialised paths of the whole subtree are rewritten in the same
/// transaction as the parent, so scopes follow at once and never see half a move.
/// </summary>
public sealed class MoveOrganisation(AppDbContext db)
{
    public async Task<Result<int>> RunAsync(Guid organisationId, Guid newParentId, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        var parent = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == newParentId, cancellationToken);
        if (organisation is null || parent is null)
        {
            return Result.Failure<int>(new Error("NOT-FOUND", "Không tìm thấy tổ chức cần chuyển hoặc tổ chức cấp trên mới."));
        }

        var oldPath = organisation.Path;
        if (parent.Path.StartsWith(oldPath, StringComparison.Ordinal))
        {
            return Result.Failure<int>(new Error("ORG-CYCLE", $"Không thể chuyển {organisation.Name} vào chính nó hoặc một tổ chức trực thuộc nó."));
        }

        var newPath = Data.Entities.Organisation.PathOf(parent, organisation.Id);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            organisation.ParentId = parent.Id;
            await db.SaveChangesAsync(cancellationToken);
            // Translated to SQL (substr / SUBSTRING): spans have no translation.
#pragma warning disable CA1845
            var moved = await db.Organisations
                .Where(o => o.Path.StartsWith(oldPath))
                .ExecuteUpdateAsync(set => set.SetProperty(o => o.Path, o => newPath + o.Path.Substring(oldPath.Length)), cancellationToken);
#pragma warning restore CA1845
            // The portal shows the tree: every instance drops its cached pages and unit list.
            await ChangeCounters.BumpAsync(db, Portal.PortalCache.Tag, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Result.Success(moved);
        });
    }
}
