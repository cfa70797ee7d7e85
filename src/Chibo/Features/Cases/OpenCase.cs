using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Domain.Common;
using Chibo.Domain.Dossiers;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Cases;

public sealed record OpenCaseRequest(Guid PersonId, DateOnly Date, string? Note = null);

/// <summary>
/// Puts a person on the source list (nguồn): opens a case in the cell above the person's unit, with its
/// first step. A person has at most one open case; a closed one (withdrawn, rejected) may be followed by a new one.
/// </summary>
public sealed class OpenCase(AppDbContext db, CaseDigests digests, CurrentUser me, TimeProvider clock)
{
    public async Task<Result<CaseRecord>> RunAsync(OpenCaseRequest request, CancellationToken cancellationToken = default)
    {
        var person = await db.People.Include(p => p.Organisation).SingleOrDefaultAsync(p => p.Id == request.PersonId, cancellationToken);
        var branchPath = person?.UnionBranchId is { } branchId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == branchId).Select(o => o.Path).SingleOrDefaultAsync(cancellationToken)
            : null;
        string[] paths = person?.Organisation is null ? [] : branchPath is null ? [person.Organisation.Path] : [person.Organisation.Path, branchPath];
        if (person?.Organisation is null || !paths.Any(p => me.Holds(p, [.. StepPermissions.Readers])))
        {
            return Result.Failure<CaseRecord>(new Error(RecordStep.NotFound, "Không tìm thấy người này."));
        }

        if (!paths.Any(p => me.Holds(p, [.. StepPermissions.WhoRecords(EventKind.SourceListed)])))
        {
            return Result.Failure<CaseRecord>(new Error(RecordStep.Forbidden, "Vai trò của bạn không được đề xuất đưa vào nguồn."));
        }

        var cell = await CellAboveAsync(db, person.Organisation, cancellationToken);
        if (cell is null)
        {
            return Result.Failure<CaseRecord>(new Error("NO-CELL", $"{person.Organisation.Name} không thuộc chi bộ nào trong Chibo."));
        }

        if (person.DateOfBirth is null)
        {
            return Result.Failure<CaseRecord>(new Error("BIRTH-DATE-MISSING", $"Chưa có ngày sinh của {person.FullName}: cần để tính tuổi khi xét kết nạp."));
        }

        if (await db.Memberships.AnyAsync(m => m.PersonId == person.Id && m.EndedOn == null, cancellationToken))
        {
            return Result.Failure<CaseRecord>(new Error("ALREADY-MEMBER", $"{person.FullName} đã là đảng viên."));
        }

        var open = await db.Cases.AnyAsync(c => c.PersonId == person.Id && c.ClosedOn == null, cancellationToken);
        if (open)
        {
            return Result.Failure<CaseRecord>(new Error("CASE-OPEN", $"{person.FullName} đang có hồ sơ chưa kết thúc."));
        }

        var record = new CaseRecord { PersonId = person.Id, CellId = cell.Id, Stage = Stage.Source, OpenedOn = request.Date, StageSince = request.Date };
        record.Steps.Add(new CaseStepRecord
        {
            CaseId = record.Id,
            Kind = EventKind.SourceListed,
            Date = request.Date,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            RecordedByUserId = me.UserId,
            RecordedBy = me.DisplayName,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        });
        db.Cases.Add(record);
        await digests.UpdateAsync(record, cell, person, [.. record.Steps], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(record);
    }

    /// <summary>The nearest cell whose subtree holds <paramref name="unit"/>.</summary>
    public static async Task<Organisation?> CellAboveAsync(AppDbContext db, Organisation unit, CancellationToken cancellationToken)
    {
        var ancestors = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        var cells = await db.Organisations.AsNoTracking()
            .Where(o => ancestors.Contains(o.Id) && o.Kind == OrganisationKind.Cell)
            .ToListAsync(cancellationToken);
        return cells.OrderByDescending(c => c.Path.Length).FirstOrDefault();
    }
}
