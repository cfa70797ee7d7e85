using System.Runtime.CompilerServices;
using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;
using Chibo.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Inspection;

/// <summary>An open case judged by the rule engine as of a day, with what the inspection and the reminders need around it.</summary>
public sealed record AppraisedCase(
    Guid CaseId, Guid PersonId, string ApplicantName, Guid CellId, string CellName, Stage Stage, Case Case, CheckReport Report, Guid? HelperPersonId)
{
    public int CaseVersion { get; init; }
}

/// <summary>
/// Appraises every open case of a subtree at once: a handful of set queries (cases, steps, cells, members),
/// then the rule engine per case in memory. One query per case would cost far more than the check itself.
/// </summary>
public sealed class CaseAppraisals(AppDbContext db)
{
    public Task<IReadOnlyList<AppraisedCase>> OpenCasesAsync(IReadOnlyList<string?> scopes, DateOnly today, Guid? cellId = null, CancellationToken cancellationToken = default)
    {
        var cases = db.Cases.AsNoTracking().Where(c => c.ClosedOn == null).WithinPaths(c => c.Cell!.Path, scopes);
        if (cellId is { } only)
        {
            cases = cases.Where(c => c.CellId == only);
        }

        return AppraiseAsync(cases, today, cancellationToken);
    }

    /// <summary>
    /// Appraises the open ones of <paramref name="cases"/> a few whole cells at a time, about <paramref name="batchSize"/>
    /// cases a batch: what a daily job over a whole country's cases holds in memory stays the same at any size.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<AppraisedCase>> InBatchesAsync(
        IQueryable<CaseRecord> cases, DateOnly today, int batchSize = 5_000, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cases = cases.AsNoTracking().Where(c => c.ClosedOn == null);
        var perCell = await cases.GroupBy(c => c.CellId).Select(g => new { Cell = g.Key, Cases = g.Count() }).ToListAsync(cancellationToken);
        var batch = new List<Guid>();
        var size = 0;
        foreach (var (cell, count) in perCell.Select(c => (c.Cell, c.Cases)))
        {
            batch.Add(cell);
            size += count;
            if (size >= batchSize || cell == perCell[^1].Cell)
            {
                var cells = batch.ToArray();
                yield return await AppraiseAsync(cases.Where(c => cells.Contains(c.CellId)), today, cancellationToken);
                (batch, size) = ([], 0);
            }
        }
    }

    /// <summary>Appraises <paramref name="cases"/> (open ones) as of <paramref name="today"/>.</summary>
    public async Task<IReadOnlyList<AppraisedCase>> AppraiseAsync(IQueryable<CaseRecord> cases, DateOnly today, CancellationToken cancellationToken = default)
    {
        cases = cases.AsNoTracking().Where(c => c.ClosedOn == null);

        var records = await cases
            .Select(c => new
            {
                Record = new CaseRecord { Id = c.Id, PersonId = c.PersonId, CellId = c.CellId, Stage = c.Stage, OpenedOn = c.OpenedOn, Over60Approved = c.Over60Approved, Version = c.Version },
                Person = new Person
                {
                    Id = c.PersonId, FullName = c.Person!.FullName, DateOfBirth = c.Person.DateOfBirth, Gender = c.Person.Gender,
                    Education = c.Person.Education, IsYouthUnionMember = c.Person.IsYouthUnionMember,
                },
            })
            .ToListAsync(cancellationToken);
        if (records.Count == 0)
        {
            return [];
        }

        var caseIds = cases.Select(c => c.Id);
        var steps = (await db.CaseSteps.AsNoTracking()
            .Where(s => s.VoidedAt == null && caseIds.Contains(s.CaseId))
            .Select(s => new CaseStepRecord
            {
                CaseId = s.CaseId, Kind = s.Kind, Date = s.Date, MemberPersonId = s.MemberPersonId, MemberName = s.MemberName,
                MemberOfficialSince = s.MemberOfficialSince, KnownApplicantSince = s.KnownApplicantSince, VotesFor = s.VotesFor,
                Eligible = s.Eligible, FormCode = s.FormCode, DocumentNumber = s.DocumentNumber, Issuer = s.Issuer, Received = s.Received,
                Extended = s.Extended, Replacement = s.Replacement, DelayApproved = s.DelayApproved, RecordedBy = s.RecordedBy, RecordedAt = s.RecordedAt,
            })
            .ToListAsync(cancellationToken))
            .ToLookup(s => s.CaseId);
        var cellIds = cases.Select(c => c.CellId).Distinct();
        var cells = await db.Organisations.AsNoTracking().Where(o => cellIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var members = (await db.Memberships.AsNoTracking()
            .Where(m => m.EndedOn == null && cellIds.Contains(m.CellId))
            .Select(m => new { m.CellId, Member = new CellMember(m.PersonId, m.Person!.FullName, m.OfficialFrom) })
            .ToListAsync(cancellationToken))
            .GroupBy(m => m.CellId)
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<CellMember>)[.. g.Select(m => m.Member)]);

        // Members named by steps who have since left their cell: few, fetched by id.
        var formerIds = records
            .SelectMany(r => CaseFiles.FormerMemberIds(steps[r.Record.Id], members.GetValueOrDefault(r.Record.CellId) ?? []))
            .Distinct()
            .ToList();
        var former = new Dictionary<Guid, string>();
        foreach (var chunk in formerIds.Chunk(500))
        {
            foreach (var p in await db.People.AsNoTracking().Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.FullName }).ToListAsync(cancellationToken))
            {
                former[p.Id] = p.FullName;
            }
        }

        var appraised = new AppraisedCase[records.Count];
        Parallel.For(0, records.Count, i =>
        {
            var record = records[i].Record;
            appraised[i] = Appraise(record, cells[record.CellId], records[i].Person, [.. steps[record.Id]], members.GetValueOrDefault(record.CellId) ?? [], former, today);
        });
        return appraised;
    }

    /// <summary>One case judged by the engine: the same for the list, the reminders and the stored appraisal of a step just recorded.</summary>
    public static AppraisedCase Appraise(CaseRecord record, Organisation cell, Person person, IReadOnlyList<CaseStepRecord> liveSteps,
        IReadOnlyCollection<CellMember> cellMembers, IReadOnlyDictionary<Guid, string> formerNames, DateOnly today)
    {
        var domain = CaseFiles.Restore(record, cell, person, liveSteps, cellMembers, formerNames);
        var report = DossierCheck.Run(domain.ToDossier(today), CaseFiles.Rulebooks, CaseFiles.Calendar);
        var helper = liveSteps.Where(s => s.Kind == EventKind.HelperAssigned && s.MemberPersonId is not null).MaxBy(s => s.Date)?.MemberPersonId;
        return new AppraisedCase(record.Id, record.PersonId, person.FullName, cell.Id, cell.Name, record.Stage, domain, report, helper) { CaseVersion = record.Version };
    }
}
