using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Common;
using Chibo.Domain.Cases;
using Chibo.Domain.Rules;
using Chibo.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Inspection;

/// <summary>One case with findings, as the inspection list shows it.</summary>
public sealed record InspectionRow(Guid CaseId, string ApplicantName, Guid CellId, string CellName, Stage Stage, IReadOnlyList<StoredFinding> Findings, int OverdueDays)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}

/// <summary>
/// One page of the inspection list: its rows, how many cases the filters keep (<paramref name="Matching"/>), and the counts
/// by rule and by cell before the filters, over every page.
/// </summary>
public sealed record InspectionList(
    IReadOnlyList<InspectionRow> Rows, int Matching, int PageNumber, int Pages,
    IReadOnlyList<(string Rule, int Cases)> ByRule, IReadOnlyList<(Guid CellId, string Cell, int Cases)> ByCell, int CasesChecked)
{
    public static InspectionList Empty { get; } = new([], 0, 1, 1, [], [], 0);
}

public sealed record InspectionInput(Guid CellId, DateOnly? InspectedOn, string? Inspectors, string? Findings);

public sealed record CorrectionInput(string? Description, Guid? OwnerPersonId, DateOnly? DueOn);

/// <summary>
/// Inspection and supervision (kiểm tra, giám sát): the cases of a subtree with findings of the rule engine,
/// and the inspection records whose corrections become tasks.
/// </summary>
public sealed class Inspections(AppDbContext db, CurrentUser me, CaseDigests digests, TimeProvider time)
{
    /// <summary>Who sees the inspection list and the records of their subtree.</summary>
    public static readonly Role[] Readers = [Role.Administrator, Role.OrganisationDepartment, Role.CellSecretary, Role.CellCommittee];

    /// <summary>Who records an inspection: the superior committee's organisation department.</summary>
    public static readonly Role[] Inspectors = [Role.Administrator, Role.OrganisationDepartment];

    public bool CanRead => me.PathsFor(Readers).Count > 0;

    public bool CanInspect => me.PathsFor(Inspectors).Count > 0;

    /// <summary>Rows on a page of the list.</summary>
    public const int PageSize = 100;

    /// <summary>
    /// The open cases in my subtree with a finding: errors first, then the longest overdue, then the most findings. Reads
    /// the stored appraisals (one indexed query), after appraising again those the date or a change made stale.
    /// <paramref name="pageNumber"/> null gives every row (the Excel export).
    /// </summary>
    public async Task<InspectionList> ListAsync(DateOnly today, string? rule, Guid? cellId, int? pageNumber = 1, int pageSize = PageSize, CancellationToken cancellationToken = default)
    {
        var scopes = me.PathsFor(Readers);
        await digests.RefreshStaleAsync(scopes, today, cancellationToken);
        var open = db.Cases.AsNoTracking().Where(c => c.ClosedOn == null).WithinPaths(c => c.Cell!.Path, scopes);
        var found = db.CaseAppraisals.AsNoTracking().Where(a => a.Rules != "")
            .Join(open, a => a.CaseId, c => c.Id, (a, c) => new { Appraisal = a, c.CellId, c.Stage, ApplicantName = c.Person!.FullName, CellName = c.Cell!.Name });
        var byRule = (await found.Select(x => x.Appraisal.Rules).ToListAsync(cancellationToken))
            .SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries))
            .GroupBy(r => r).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();
        var byCell = (await found.GroupBy(x => new { x.CellId, x.CellName }).Select(g => new { g.Key.CellId, g.Key.CellName, Count = g.Count() }).ToListAsync(cancellationToken))
            .Select(x => (x.CellId, x.CellName, x.Count)).OrderByDescending(x => x.Count).ThenBy(x => x.CellName, StringComparer.Ordinal).ToList();

        if (rule is not null)
        {
            var marked = $",{rule},";
            found = found.Where(x => x.Appraisal.Rules.Contains(marked));
        }

        if (cellId is { } cell)
        {
            found = found.Where(x => x.CellId == cell);
        }

        var matching = await found.CountAsync(cancellationToken);
        var pages = Math.Max(1, (matching + pageSize - 1) / pageSize);
        var page = Math.Clamp(pageNumber ?? 1, 1, pages);
        // Overdue days grow from the earliest overdue deadline: the oldest one first, the cases with none last.
        var ordered = found
            .OrderByDescending(x => x.Appraisal.Errors > 0)
            .ThenBy(x => x.Appraisal.OverdueSince == null).ThenBy(x => x.Appraisal.OverdueSince)
            .ThenByDescending(x => x.Appraisal.Errors + x.Appraisal.Warnings)
            .ThenBy(x => x.ApplicantName).ThenBy(x => x.Appraisal.CaseId);
        var rows = await (pageNumber is null ? ordered : ordered.Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new InspectionList(
            [.. rows.Select(x => new InspectionRow(x.Appraisal.CaseId, x.ApplicantName, x.CellId, x.CellName, x.Stage, CaseDigests.FindingsOf(x.Appraisal),
                x.Appraisal.OverdueSince is { } since ? today.DayNumber - since.DayNumber : 0))],
            matching, page, pages, byRule, byCell, await open.CountAsync(cancellationToken));
    }

    /// <summary>The cells of my subtree, for the filter and the record form.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> CellsAsync(bool toInspect, CancellationToken cancellationToken = default) =>
        [.. (await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Cell && o.DissolvedOn == null)
            .Within(me.PathsFor(toInspect ? Inspectors : Readers))
            .OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name })
            .ToListAsync(cancellationToken)).Select(o => (o.Id, o.Name))];

    /// <summary>The records I may read: those of my subtree, and those giving me a correction to make.</summary>
    public IQueryable<InspectionRecord> Visible()
    {
        var person = me.PersonId;
        var inScope = db.Organisations.Within(me.PathsFor(Readers)).Select(o => o.Id);
        return db.Inspections.Where(i => inScope.Contains(i.OrganisationId) || (person != null && i.Corrections.Any(t => t.OwnerPersonId == person)));
    }

    public async Task<bool> MayEditAsync(InspectionRecord record, CancellationToken cancellationToken = default)
    {
        var path = await db.Organisations.Where(o => o.Id == record.OrganisationId).Select(o => o.Path).SingleAsync(cancellationToken);
        return me.Holds(path, Inspectors);
    }

    public async Task<Result<Guid>> CreateAsync(InspectionInput input, DateOnly today, CancellationToken cancellationToken = default)
    {
        var cell = await db.Organisations.SingleOrDefaultAsync(o => o.Id == input.CellId && o.Kind == OrganisationKind.Cell, cancellationToken);
        if (cell is null || !me.Holds(cell.Path, Inspectors))
        {
            return Result.Failure<Guid>(new Error("INSPECTION-CELL", "Chọn một chi bộ trong phạm vi đồng chí được kiểm tra."));
        }

        if (Validate(input, today) is { Count: > 0 } errors)
        {
            return Result.Failure<Guid>(errors);
        }

        var record = new InspectionRecord
        {
            OrganisationId = cell.Id,
            InspectedOn = input.InspectedOn!.Value,
            Inspectors = input.Inspectors!.Trim(),
            Findings = input.Findings!.Trim(),
            CreatedBy = me.DisplayName,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Inspections.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(record.Id);
    }

    public async Task<Result<int>> UpdateAsync(Guid id, int version, InspectionInput input, DateOnly today, CancellationToken cancellationToken = default)
    {
        var record = await db.Inspections.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (record is null || !await MayEditAsync(record, cancellationToken))
        {
            return Result.Failure<int>(new Error("INSPECTION-NOT-FOUND", "Không tìm thấy biên bản kiểm tra trong phạm vi đồng chí được sửa."));
        }

        if (Validate(input, today) is { Count: > 0 } errors)
        {
            return Result.Failure<int>(errors);
        }

        db.Entry(record).Property(r => r.Version).OriginalValue = version;
        record.InspectedOn = input.InspectedOn!.Value;
        record.Inspectors = input.Inspectors!.Trim();
        record.Findings = input.Findings!.Trim();
        return await SaveAsync(record.Version, cancellationToken);
    }

    /// <summary>A correction the record requires, as a task of one person of the cell (or its party members).</summary>
    public async Task<Result<Guid>> AddCorrectionAsync(Guid inspectionId, CorrectionInput input, DateOnly today, CancellationToken cancellationToken = default)
    {
        var record = await db.Inspections.SingleOrDefaultAsync(i => i.Id == inspectionId, cancellationToken);
        if (record is null || !await MayEditAsync(record, cancellationToken))
        {
            return Result.Failure<Guid>(new Error("INSPECTION-NOT-FOUND", "Không tìm thấy biên bản kiểm tra trong phạm vi đồng chí được sửa."));
        }

        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(input.Description))
        {
            errors.Add(new Error("CORRECTION-DESCRIPTION", "Ghi nội dung phải khắc phục."));
        }
        else if (input.Description.Trim().Length > 1000)
        {
            errors.Add(new Error("CORRECTION-DESCRIPTION", "Nội dung phải khắc phục dài quá 1.000 ký tự."));
        }

        if (input.OwnerPersonId is not { } owner || !(await OwnersAsync(record.OrganisationId, cancellationToken)).Any(o => o.Id == owner))
        {
            errors.Add(new Error("CORRECTION-OWNER", "Chọn người chịu trách nhiệm khắc phục trong chi bộ được kiểm tra."));
        }

        if (input.DueOn is not { } due)
        {
            errors.Add(new Error("CORRECTION-DUE", "Ghi hạn khắc phục (ngày/tháng/năm)."));
        }
        else if (due < record.InspectedOn)
        {
            errors.Add(new Error("CORRECTION-DUE", "Hạn khắc phục không được trước ngày kiểm tra."));
        }

        if (errors.Count > 0)
        {
            return Result.Failure<Guid>(errors);
        }

        var task = new InspectionTask { InspectionId = record.Id, Description = input.Description!.Trim(), OwnerPersonId = input.OwnerPersonId!.Value, DueOn = input.DueOn!.Value };
        db.InspectionTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(task.Id);
    }

    /// <summary>Closes a correction with what was done: its owner, or whoever may edit the record.</summary>
    public async Task<Result<int>> CloseCorrectionAsync(Guid taskId, int version, string? note, DateOnly today, CancellationToken cancellationToken = default)
    {
        var task = await db.InspectionTasks.Include(t => t.Inspection).SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null || (task.OwnerPersonId != me.PersonId && !await MayEditAsync(task.Inspection!, cancellationToken)))
        {
            return Result.Failure<int>(new Error("CORRECTION-NOT-FOUND", "Không tìm thấy nội dung khắc phục mà đồng chí được đóng."));
        }

        if (task.ClosedOn is not null)
        {
            return Result.Failure<int>(new Error("CORRECTION-CLOSED", "Nội dung khắc phục này đã được đóng."));
        }

        if (note?.Trim().Length > 1000)
        {
            return Result.Failure<int>(new Error("CORRECTION-NOTE", "Kết quả khắc phục dài quá 1.000 ký tự."));
        }

        db.Entry(task).Property(t => t.Version).OriginalValue = version;
        task.ClosedOn = today;
        task.ClosedNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return await SaveAsync(task.Version, cancellationToken);
    }

    /// <summary>Who may be given a correction: the cell's current party members and position holders.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> OwnersAsync(Guid cellId, CancellationToken cancellationToken = default)
    {
        var members = db.Memberships.Where(m => m.CellId == cellId && m.EndedOn == null).Select(m => m.PersonId);
        var holders = db.Positions.Where(p => p.OrganisationId == cellId && p.To == null).Select(p => p.PersonId);
        var people = await db.People.AsNoTracking()
            .Where(p => members.Contains(p.Id) || holders.Contains(p.Id))
            .OrderBy(p => p.FullName)
            .Select(p => new { p.Id, p.FullName })
            .ToListAsync(cancellationToken);
        return [.. people.Select(p => (p.Id, p.FullName))];
    }

    private async Task<Result<int>> SaveAsync(int version, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success(version);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Failure<int>(new Error("CONFLICT", "Người khác vừa sửa mục này. Xin tải lại trang và nhập lại thay đổi."));
        }
    }

    private static List<Error> Validate(InspectionInput input, DateOnly today)
    {
        var errors = new List<Error>();
        if (input.InspectedOn is not { } on)
        {
            errors.Add(new Error("INSPECTION-DATE", "Ghi ngày kiểm tra (ngày/tháng/năm)."));
        }
        else if (on > today)
        {
            errors.Add(new Error("INSPECTION-DATE", "Ngày kiểm tra không được sau hôm nay."));
        }

        if (string.IsNullOrWhiteSpace(input.Inspectors))
        {
            errors.Add(new Error("INSPECTION-INSPECTORS", "Ghi người hoặc đoàn kiểm tra."));
        }
        else if (input.Inspectors.Trim().Length > 500)
        {
            errors.Add(new Error("INSPECTION-INSPECTORS", "Người kiểm tra dài quá 500 ký tự."));
        }

        if (string.IsNullOrWhiteSpace(input.Findings))
        {
            errors.Add(new Error("INSPECTION-FINDINGS", "Ghi kết quả kiểm tra (điều đã thấy)."));
        }
        else if (input.Findings.Trim().Length > 4000)
        {
            errors.Add(new Error("INSPECTION-FINDINGS", "Kết quả kiểm tra dài quá 4.000 ký tự."));
        }

        return errors;
    }
}
