using System.Data.Common;
using System.Text.Json;
using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Rules;
using Chibo.Features.Inspection;
using Chibo.Hosting;
using Chibo.Features.Oversight;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Cases;

/// <summary>A finding as the stored appraisal keeps it.</summary>
public sealed record StoredFinding(string Rule, Severity Severity, string Message);

/// <summary>
/// Keeps what is stored about a case beside its steps in line with them: the stage spans the dashboards read
/// (<see cref="CaseStageSpan"/>) and the appraisal the inspection list reads (<see cref="CaseAppraisalRecord"/>).
/// Every writer of steps calls <see cref="UpdateAsync"/> before its one SaveChanges, so both are written in the
/// transaction of the step; <see cref="RefreshStaleAsync"/> appraises again what the date or an unhooked change made stale.
/// </summary>
public sealed class CaseDigests(AppDbContext db, ChiboClock clock)
{
    /// <summary>
    /// The stages a case reached with its live steps: the first entry into each stage of the road, left on the first
    /// entry into the next stage reached — the same reading the time-in-stage figures always made from the steps.
    /// </summary>
    public static List<CaseStageSpan> SpansOf(Guid caseId, Guid cellId, IEnumerable<CaseStepRecord> liveSteps)
    {
        var steps = liveSteps.ToList();
        var entries = Figures.Road
            .Select(r => (r.Stage, Date: steps.Where(s => s.Kind == r.Entry).Select(s => (DateOnly?)s.Date).Min()))
            .Where(e => e.Date is not null)
            .ToList();
        return [.. entries.Select((e, i) =>
        {
            var left = i + 1 < entries.Count ? entries[i + 1].Date : null;
            return new CaseStageSpan
            {
                CaseId = caseId, CellId = cellId, Stage = e.Stage, Entered = e.Date!.Value, Left = left,
                Days = left is { } l ? Math.Max(0, l.DayNumber - e.Date.Value.DayNumber) : null,
            };
        })];
    }

    public static CaseAppraisalRecord Stored(AppraisedCase appraised, DateOnly today)
    {
        var findings = appraised.Report.Findings;
        var overdue = appraised.Report.Deadlines.Where(d => d.Overdue).Select(d => (DateOnly?)d.Due).Min();
        return new CaseAppraisalRecord
        {
            CaseId = appraised.CaseId,
            CaseVersion = appraised.CaseVersion,
            AppraisedOn = today,
            Errors = findings.Count(f => f.Severity == Severity.Error),
            Warnings = findings.Count(f => f.Severity == Severity.Warning),
            Rules = findings.Count == 0 ? "" : $",{string.Join(",", findings.Select(f => f.Rule).Distinct())},",
            Findings = JsonSerializer.Serialize(findings.Select(f => new StoredFinding(f.Rule, f.Severity, f.Message)).ToList()),
            OverdueSince = overdue,
            NextDue = appraised.Report.Deadlines.Where(d => !d.Overdue).Select(d => (DateOnly?)d.Due).Min(),
        };
    }

    public static IReadOnlyList<StoredFinding> FindingsOf(CaseAppraisalRecord stored) =>
        JsonSerializer.Deserialize<List<StoredFinding>>(stored.Findings) ?? [];

    /// <summary>
    /// Brings the spans and the appraisal of one case in line with <paramref name="liveSteps"/> (its steps in force,
    /// the new one included), appraised as of today. Only tracks the changes: the caller's SaveChanges writes them with the step.
    /// </summary>
    public async Task UpdateAsync(CaseRecord record, Organisation cell, Person applicant, IReadOnlyList<CaseStepRecord> liveSteps, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var spans = SpansOf(record.Id, record.CellId, liveSteps).ToDictionary(s => s.Stage);
        foreach (var old in await db.CaseStageSpans.Where(s => s.CaseId == record.Id).ToListAsync(cancellationToken))
        {
            if (spans.Remove(old.Stage, out var span))
            {
                (old.CellId, old.Entered, old.Left, old.Days) = (span.CellId, span.Entered, span.Left, span.Days);
            }
            else
            {
                db.CaseStageSpans.Remove(old);
            }
        }

        db.CaseStageSpans.AddRange(spans.Values);

        var stored = await db.CaseAppraisals.FindAsync([record.Id], cancellationToken);
        if (record.ClosedOn is not null)
        {
            if (stored is not null)
            {
                db.CaseAppraisals.Remove(stored);
            }

            return;
        }

        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.CellId == record.CellId && m.EndedOn == null)
            .Select(m => new CellMember(m.PersonId, m.Person!.FullName, m.OfficialFrom))
            .ToListAsync(cancellationToken);
        var missing = CaseFiles.FormerMemberIds(liveSteps, members);
        var former = missing.Count == 0 ? new Dictionary<Guid, string>()
            : await db.People.AsNoTracking().Where(p => missing.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
        var entry = db.Entry(record);
        // The version the case will have once saved (SaveChanges raises a modified case's version).
        var version = entry.State == EntityState.Modified ? entry.Property(r => r.Version).OriginalValue + 1 : record.Version;
        var fresh = Stored(CaseAppraisals.Appraise(record, cell, applicant, liveSteps, members, former, today) with { CaseVersion = version }, today);
        if (stored is null)
        {
            db.CaseAppraisals.Add(fresh);
        }
        else
        {
            db.Entry(stored).CurrentValues.SetValues(fresh);
        }
    }

    /// <summary>
    /// Appraises again the open cases of <paramref name="scopes"/> whose stored appraisal is missing, was made before
    /// <paramref name="today"/> (deadlines pass with the date) or for an older version of the case, and stores the
    /// new ones, a few cells at a time. Returns how many were appraised. Runs in the caller's transaction when there is one.
    /// </summary>
    public async Task<int> RefreshStaleAsync(IReadOnlyList<string?> scopes, DateOnly today, CancellationToken cancellationToken = default)
    {
        var stale = db.Cases.Where(c => c.ClosedOn == null).WithinPaths(c => c.Cell!.Path, scopes)
            .Where(c => !db.CaseAppraisals.Any(a => a.CaseId == c.Id && a.AppraisedOn == today && a.CaseVersion == c.Version));
        if (!await stale.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var appraised = 0;
        await foreach (var batch in new CaseAppraisals(db).InBatchesAsync(stale, today, cancellationToken: cancellationToken))
        {
            try
            {
                await StoreAsync(batch, today, cancellationToken);
            }
            catch (DbException) when (db.Database.CurrentTransaction is null)
            {
                // Two readers refreshed the same cases at once and the other stored its rows first: they are as fresh as these.
            }

            appraised += batch.Count;
        }

        return appraised;
    }

    /// <summary>
    /// Drops the stored appraisals of the open cases of <paramref name="personIds"/>, whose facts the engine reads (birth
    /// date, education, Youth Union) have changed: the inspection list appraises them again when it is next read.
    /// </summary>
    public async Task ForgetAppraisalsAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in personIds.Chunk(1000))
        {
            await db.CaseAppraisals.Where(a => db.Cases.Any(c => c.Id == a.CaseId && chunk.Contains(c.PersonId))).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>Replaces the stored appraisals of <paramref name="appraised"/>'s cases, in one transaction.</summary>
    public async Task StoreAsync(IReadOnlyList<AppraisedCase> appraised, DateOnly today, CancellationToken cancellationToken = default)
    {
        async Task WriteAsync()
        {
            foreach (var chunk in appraised.Select(a => a.CaseId).Chunk(1000))
            {
                await db.CaseAppraisals.Where(a => chunk.Contains(a.CaseId)).ExecuteDeleteAsync(cancellationToken);
            }

            await new BulkWriter(db).InsertAsync(appraised.Select(a => Stored(a, today)), cancellationToken);
        }

        if (db.Database.CurrentTransaction is not null)
        {
            await WriteAsync();
            return;
        }

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await WriteAsync();
            await transaction.CommitAsync(cancellationToken);
        });
    }
}
