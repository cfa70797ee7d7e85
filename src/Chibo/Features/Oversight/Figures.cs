using System.Text.Json.Serialization;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Calendar;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;
using Chibo.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Oversight;

/// <summary>A reporting period: a whole year, or its first or second half.</summary>
public sealed record Period(int Year, int? Half = null)
{
    public DateOnly From => new(Year, Half == 2 ? 7 : 1, 1);

    public DateOnly To => new(Year, Half == 1 ? 6 : 12, Half == 1 ? 30 : 31);

    /// <summary>"năm 2024", "6 tháng đầu năm 2024", "6 tháng cuối năm 2024".</summary>
    public string Label => Half switch { 1 => $"6 tháng đầu năm {Year}", 2 => $"6 tháng cuối năm {Year}", _ => $"năm {Year}" };

    [JsonIgnore]
    public bool IsValid => Year is >= 2000 and <= 2100 && Half is null or 1 or 2;
}

/// <summary>Target against admissions: the organisation's own total, what it split among the organisations below, per quarter.</summary>
public sealed record TargetFigures(int? Total, int Assigned, int? Unassigned, int?[] QuarterTargets, int Admitted, int[] AdmittedByQuarter);

/// <summary>One stage of the funnel: cases that entered it in the period, cases in it now, and the share that went on to the next.</summary>
public sealed record FunnelStage(Stage Stage, string Name, int Entered, int Now, int? ConversionPercent);

/// <summary>Days spent in a stage by the cases that left it in the period: median and quartiles.</summary>
public sealed record StageTime(Stage Stage, string Name, int Cases, int? MedianDays, int? LowerQuartileDays, int? UpperQuartileDays);

/// <summary>A deadline of an open case, judged on the day the figures are computed.</summary>
public sealed record DeadlineItem(Guid CaseId, Guid CellId, string Step, DateOnly Due, bool Overdue);

public sealed record Share(string Label, int Count);

/// <summary>New members (admission decision in the period) by who they are.</summary>
public sealed record NewMemberFigures(
    int Total, int Women, int Men, IReadOnlyList<Share> AgeBands, IReadOnlyList<Share> Ethnicities,
    int YouthUnionMembers, int Students, int Staff, int Young);

/// <summary>Members active at the end of the period, and how many are 18–30.</summary>
public sealed record MemberFigures(int Total, int Young);

public sealed record RhythmFigures(int Cells, int CellsMissingRegular, int MissedMonths, int CellsMissingThematic, int MissedQuarters);

/// <summary>An organisation directly below, with its own roll-up of the same figures.</summary>
public sealed record ChildFigures(Guid Id, string Name, int? Target, int Admitted, int Open, int Overdue);

/// <summary>Everything the dashboard, the reports and the API show for an organisation and a period.</summary>
public sealed record OrganisationFigures(
    Guid OrganisationId,
    string OrganisationName,
    OrganisationKind Kind,
    Period Period,
    DateOnly AsOf,
    TargetFigures Target,
    IReadOnlyList<FunnelStage> Funnel,
    IReadOnlyList<StageTime> TimeInStage,
    int Overdue,
    int Upcoming,
    NewMemberFigures NewMembers,
    MemberFigures Members,
    RhythmFigures Rhythm,
    IReadOnlyList<ChildFigures> Children)
{
    /// <summary>Each open deadline, with the case it belongs to: for the reports, not for the API.</summary>
    [JsonIgnore]
    public IReadOnlyList<DeadlineItem> Deadlines { get; init; } = [];

    public static int? Percent(int part, int whole) => whole == 0 ? null : (int)Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Computes the figures of an organisation's subtree for a period. The dashboard, the reports and the API
/// all call this one service, so their numbers agree by construction. Counting is done by the database
/// (GROUP BY); only small sets (new members, open deadlines, stage entries) come back as rows.
/// </summary>
public sealed class Figures(AppDbContext db, ILogger<Figures> log)
{
    /// <summary>How far ahead, in working days, a deadline counts as upcoming.</summary>
    public const int UpcomingWorkingDays = 10;

    /// <summary>The ages counted as young members (the 18–30).</summary>
    public const int YoungFrom = 18, YoungTo = 30;

    /// <summary>The stages of the funnel, each with the step that enters it.</summary>
    public static readonly (Stage Stage, EventKind Entry)[] Road =
    [
        (Stage.Source, EventKind.SourceListed), (Stage.Outstanding, EventKind.UnionIntroduced), (Stage.Sympathizer, EventKind.SympathizerListed),
        (Stage.Trained, EventKind.AwarenessCertificate), (Stage.Applying, EventKind.Application), (Stage.CellProposed, EventKind.CellResolution),
        (Stage.CommitteeProposed, EventKind.CommitteeResolution), (Stage.Admitted, EventKind.AdmissionDecision), (Stage.Probationary, EventKind.Ceremony),
        (Stage.RecognitionProposed, EventKind.RecognitionResolution), (Stage.Official, EventKind.RecognitionDecision),
    ];

    /// <summary>Party organisations: the ones with targets and dashboards.</summary>
    public static readonly OrganisationKind[] PartyKinds =
    [
        OrganisationKind.CityCommittee, OrganisationKind.DistrictCommittee, OrganisationKind.BlocCommittee, OrganisationKind.WardCommittee,
        OrganisationKind.GrassrootsCommittee, OrganisationKind.Cell,
    ];

    public static WorkingCalendar Calendar => WorkingCalendar.Vietnam;

    public async Task<OrganisationFigures> ComputeAsync(Organisation organisation, Period period, DateOnly today, CancellationToken cancellationToken = default)
    {
        var path = organisation.Path;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Lap(string phase)
        {
            log.LogDebug("Figures {Phase}: {Elapsed} ms", phase, clock.ElapsedMilliseconds);
            clock.Restart();
        }

        // The one root's dashboard (the whole country's) reads every row: no subtree test on hundreds of thousands of them.
        var whole = organisation.ParentId == null && !await db.Organisations.AnyAsync(o => o.ParentId == null && o.Id != organisation.Id, cancellationToken);
        var cases = whole ? db.Cases.AsNoTracking() : db.Cases.AsNoTracking().Where(c => c.Cell!.Path.StartsWith(path));
        var steps = db.CaseSteps.AsNoTracking().Where(s => s.VoidedAt == null)
            .Join(cases, s => s.CaseId, c => c.Id, (s, c) => new { s.CaseId, c.CellId, s.Kind, s.Date });

        // The stage spans are written with every step (CaseDigests): one row per case and stage reached, with its cell.
        var cells = db.Organisations.Where(o => o.Path.StartsWith(path)).Select(o => o.Id);
        var spans = whole ? db.CaseStageSpans.AsNoTracking() : db.CaseStageSpans.AsNoTracking().Where(s => cells.Contains(s.CellId));
        var entered = await spans.Where(s => s.Entered >= period.From && s.Entered <= period.To)
            .GroupBy(s => s.Stage)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Lap("entered");
        var now = await cases.GroupBy(c => c.Stage).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var funnel = Road.Select((r, i) =>
        {
            var count = entered.GetValueOrDefault(r.Stage);
            // The committee's resolution is skipped where the cell is grassroots: conversion looks past it.
            var next = i + 1 < Road.Length ? Road[i + 1] : default;
            if (next.Stage == Stage.CommitteeProposed)
            {
                next = Road[i + 2];
            }

            int? conversion = i + 1 < Road.Length ? OrganisationFigures.Percent(entered.GetValueOrDefault(next.Stage), count) : null;
            return new FunnelStage(r.Stage, r.Stage.ToVietnamese(), count, now.GetValueOrDefault(r.Stage), conversion);
        }).ToList();

        Lap("now");
        var deadlines = await DeadlinesAsync(cases, today, cancellationToken);
        Lap("deadlines");
        var admitted = await NewMembersAsync(steps.Where(s => s.Kind == EventKind.AdmissionDecision && s.Date >= period.From && s.Date <= period.To)
            .Select(s => new StepRow(s.CaseId, s.Date)), cancellationToken);
        Lap("new members");
        var target = await TargetAsync(organisation, period, admitted.Dates, cancellationToken);
        Lap("target");
        var children = await ChildrenAsync(organisation, cases, period, deadlines, cancellationToken);
        Lap("children");
        var rhythm = await RhythmAsync(organisation, period, today, cancellationToken);
        Lap("rhythm");
        var times = await TimeInStageAsync(spans.Where(s => s.Left >= period.From && s.Left <= period.To), cancellationToken);
        Lap("time in stage");
        var members = await MembersAsync(whole ? null : path, period, cancellationToken);
        Lap("members");

        return new OrganisationFigures(
            organisation.Id, organisation.Name, organisation.Kind, period, today, target, funnel, times,
            deadlines.Count(d => d.Overdue), deadlines.Count(d => !d.Overdue),
            admitted.Figures, members, rhythm, children)
        {
            Deadlines = deadlines,
        };
    }

    /// <summary>The cases admitted in the period (decision dated in it), oldest decision first: the report's list.</summary>
    public IQueryable<CaseStepRecord> AdmissionsIn(Organisation organisation, Period period) =>
        db.CaseSteps.AsNoTracking()
            .Where(s => s.VoidedAt == null && s.Kind == EventKind.AdmissionDecision && s.Date >= period.From && s.Date <= period.To)
            .Where(s => db.Cases.Any(c => c.Id == s.CaseId && c.Cell!.Path.StartsWith(organisation.Path)));

    /// <summary>Days spent in each stage by the cases that left it in the period (entered the next stage they reached).</summary>
    private static async Task<IReadOnlyList<StageTime>> TimeInStageAsync(IQueryable<CaseStageSpan> left, CancellationToken cancellationToken)
    {
        // How many cases spent each number of days in each stage: a few hundred rows for any subtree.
        var histogram = (await left.GroupBy(s => new { s.Stage, Days = s.Days!.Value })
                .Select(g => new { g.Key.Stage, g.Key.Days, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToLookup(h => h.Stage, h => (h.Days, h.Count));
        return [.. Road.Where(r => r.Stage != Stage.Official).Select(r =>
        {
            var days = histogram[r.Stage].OrderBy(h => h.Days).ToList();
            var count = days.Sum(h => h.Count);
            return new StageTime(r.Stage, r.Stage.ToVietnamese(), count, Quantile(days, 0.5), Quantile(days, 0.25), Quantile(days, 0.75));
        })];
    }

    /// <summary>The nearest-rank quantile of a histogram sorted by value; null for none.</summary>
    private static int? Quantile(List<(int Value, int Count)> sorted, double q)
    {
        var total = sorted.Sum(h => h.Count);
        if (total == 0)
        {
            return null;
        }

        var rank = Math.Clamp((int)Math.Ceiling(q * total), 1, total);
        foreach (var (value, count) in sorted)
        {
            rank -= count;
            if (rank <= 0)
            {
                return value;
            }
        }

        return sorted[^1].Value;
    }

    /// <summary>
    /// The next deadline of every open case where the rules set one: the admission decision (60 working days after the
    /// cell's resolution), the ceremony (30 working days after the decision is received), the cell's review at the end of
    /// probation (12 months after the ceremony), the recognition decision (30 working days), and a dossier going stale
    /// (12 months after the application without a cell resolution).
    /// </summary>
    private async Task<List<DeadlineItem>> DeadlinesAsync(IQueryable<CaseRecord> cases, DateOnly today, CancellationToken cancellationToken)
    {
        // Per open case, only the steps its stage's deadline counts from, reduced in the database to one row: one join per
        // stage and its anchoring step, not a subquery per case (SQLite ran the correlated form in seconds on 20,000 cases).
        // Each join is simple enough for PostgreSQL to estimate, and reads the cases of its stage and the steps of its kind
        // from their indexes; one join with an OR of the pairs looked to it like a few hundred rows and took 0.8 s at 2M.
        (Stage[] Stages, EventKind Anchor)[] anchors =
        [
            ([Stage.Applying], EventKind.Application), ([Stage.CellProposed, Stage.CommitteeProposed], EventKind.CellResolution),
            ([Stage.Admitted], EventKind.AdmissionDecision), ([Stage.Probationary], EventKind.Ceremony),
            ([Stage.RecognitionProposed], EventKind.RecognitionResolution),
        ];
        var open = await anchors
            .Select(a => db.CaseSteps.AsNoTracking()
                .Where(s => s.VoidedAt == null && s.Kind == a.Anchor)
                .Join(cases.Where(c => a.Stages.Contains(c.Stage)), s => s.CaseId, c => c.Id, (s, c) => new { c.Id, c.CellId, c.Stage, s.Date, s.Received })
                .GroupBy(x => new { x.Id, x.CellId, x.Stage })
                .Select(g => new { g.Key.Id, g.Key.CellId, g.Key.Stage, First = g.Min(x => x.Date), Last = g.Max(x => x.Date), LastReceived = g.Max(x => x.Received ?? x.Date) }))
            .Aggregate((all, more) => all.Concat(more))
            .ToListAsync(cancellationToken);
        var horizon = Calendar.AddWorkingDays(today, UpcomingWorkingDays);
        var items = new List<DeadlineItem>();
        foreach (var c in open)
        {
            (string Step, DateOnly Due)? next = c.Stage switch
            {
                Stage.Applying => ("hồ sơ quá 12 tháng chưa được chi bộ đề nghị", c.First.AddMonths(Params(c.First).DossierStalenessMonths)),
                Stage.CellProposed or Stage.CommitteeProposed => ("quyết định kết nạp", Calendar.AddWorkingDays(c.Last, Params(c.Last).DecisionWorkingDays)),
                Stage.Admitted => ("lễ kết nạp", Calendar.AddWorkingDays(c.LastReceived, Params(c.LastReceived).CeremonyWorkingDays)),
                Stage.Probationary => ("xét công nhận đảng viên chính thức", c.Last.AddMonths(Params(c.Last).ProbationMonths)),
                Stage.RecognitionProposed => ("quyết định công nhận chính thức", Calendar.AddWorkingDays(c.Last, Params(c.Last).RecognitionDecisionWorkingDays)),
                _ => null,
            };
            if (next is { } n && n.Due <= horizon)
            {
                items.Add(new DeadlineItem(c.Id, c.CellId, n.Step, n.Due, n.Due < today));
            }
        }

        return [.. items.OrderBy(i => i.Due)];
    }

    private static RulebookParameters Params(DateOnly on) => Rulebooks.Vietnam.InForceOn(on).Parameters;

    private sealed record StepRow(Guid CaseId, DateOnly Date);

    /// <param name="decisions">The admission decisions of the period: the case and the date.</param>
    private async Task<(NewMemberFigures Figures, List<DateOnly> Dates)> NewMembersAsync(IQueryable<StepRow> decisions, CancellationToken cancellationToken)
    {
        // The decisions first (an indexed range of one kind of step), then their people by id: SQLite ran the one
        // query with a subquery per case in seconds on 20,000 cases.
        var decided = (await decisions.ToListAsync(cancellationToken))
            .GroupBy(d => d.CaseId).ToDictionary(g => g.Key, g => g.Min(d => d.Date));
        var rows = new List<(Gender Gender, DateOnly? DateOfBirth, string? Ethnicity, bool IsYouthUnionMember, bool Student, DateOnly Decided)>();
        foreach (var chunk in decided.Keys.Chunk(1000))
        {
            rows.AddRange((await db.Cases.AsNoTracking().Where(c => chunk.Contains(c.Id))
                .Select(c => new { c.Id, c.Person!.Gender, c.Person.DateOfBirth, c.Person.Ethnicity, c.Person.IsYouthUnionMember, Student = c.Person.StudentCode != null })
                .ToListAsync(cancellationToken))
                .Select(r => (r.Gender, r.DateOfBirth, r.Ethnicity, r.IsYouthUnionMember, r.Student, decided[r.Id])));
        }

        var ages = rows.Select(r => r.DateOfBirth is { } born ? VietnameseDates.FullMonths(born, r.Decided) / 12 : (int?)null).ToList();
        Share[] bands =
        [
            new("dưới 18", ages.Count(a => a < YoungFrom)),
            new($"{YoungFrom}–{YoungTo}", ages.Count(a => a is >= YoungFrom and <= YoungTo)),
            new("31–45", ages.Count(a => a is > YoungTo and <= 45)),
            new("trên 45", ages.Count(a => a > 45)),
            new("không rõ", ages.Count(a => a is null)),
        ];
        var figures = new NewMemberFigures(
            rows.Count,
            rows.Count(r => r.Gender == Gender.Female),
            rows.Count(r => r.Gender == Gender.Male),
            [.. bands.Where(b => b.Count > 0 || b.Label == $"{YoungFrom}–{YoungTo}")],
            [.. rows.GroupBy(r => string.IsNullOrWhiteSpace(r.Ethnicity) ? "không rõ" : r.Ethnicity!).Select(g => new Share(g.Key, g.Count())).OrderByDescending(s => s.Count).ThenBy(s => s.Label, StringComparer.Ordinal)],
            rows.Count(r => r.IsYouthUnionMember),
            rows.Count(r => r.Student),
            rows.Count(r => !r.Student),
            bands[1].Count);
        return (figures, [.. rows.Select(r => r.Decided)]);
    }

    private async Task<TargetFigures> TargetAsync(Organisation organisation, Period period, List<DateOnly> admittedOn, CancellationToken cancellationToken)
    {
        var own = await db.AdmissionTargets.AsNoTracking().SingleOrDefaultAsync(t => t.OrganisationId == organisation.Id && t.Year == period.Year, cancellationToken);
        var assigned = await db.AdmissionTargets.AsNoTracking()
            .Where(t => t.Year == period.Year && t.Organisation!.ParentId == organisation.Id)
            .SumAsync(t => t.Total, cancellationToken);
        var byQuarter = new int[4];
        foreach (var date in admittedOn)
        {
            byQuarter[(date.Month - 1) / 3]++;
        }

        // A half-year's target is its two quarters' when they are set; otherwise the year's is shown as it is.
        var quarters = own?.Quarters ?? new int?[4];
        int? total = own?.Total;
        if (period.Half is { } half && quarters[(half - 1) * 2] is { } first && quarters[(half - 1) * 2 + 1] is { } second)
        {
            total = first + second;
        }

        return new TargetFigures(total, assigned, own is null ? null : own.Total - assigned, quarters, admittedOn.Count, byQuarter);
    }

    private async Task<IReadOnlyList<ChildFigures>> ChildrenAsync(
        Organisation organisation, IQueryable<CaseRecord> cases, Period period, List<DeadlineItem> deadlines, CancellationToken cancellationToken)
    {
        var children = await db.Organisations.AsNoTracking()
            .Where(o => o.ParentId == organisation.Id && PartyKinds.Contains(o.Kind))
            .OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Path })
            .ToListAsync(cancellationToken);
        if (children.Count == 0)
        {
            return [];
        }

        var targets = await db.AdmissionTargets.AsNoTracking()
            .Where(t => t.Year == period.Year && t.Organisation!.ParentId == organisation.Id)
            .ToDictionaryAsync(t => t.OrganisationId, t => t.Total, cancellationToken);
        var path = organisation.Path;
        var cells = await db.Organisations.AsNoTracking().Where(o => o.Path.StartsWith(path) && o.Kind == OrganisationKind.Cell)
            .Select(o => new { o.Id, o.Path }).ToListAsync(cancellationToken);
        var admitted = await db.CaseSteps.AsNoTracking()
            .Where(s => s.VoidedAt == null && s.Kind == EventKind.AdmissionDecision && s.Date >= period.From && s.Date <= period.To)
            .Join(cases, s => s.CaseId, c => c.Id, (s, c) => new { c.CellId, s.CaseId })
            .GroupBy(x => x.CellId).Select(g => new { g.Key, Count = g.Select(x => x.CaseId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var open = await cases
            .Where(c => c.Stage != Stage.Official && c.Stage != Stage.Withdrawn && c.Stage != Stage.Rejected && c.Stage != Stage.RemovedFromProbation)
            .GroupBy(c => c.CellId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. children.Select(child =>
        {
            var below = cells.Where(c => c.Path.StartsWith(child.Path, StringComparison.Ordinal)).Select(c => c.Id).ToHashSet();
            return new ChildFigures(
                child.Id, child.Name, targets.TryGetValue(child.Id, out var t) ? t : null,
                below.Sum(admitted.GetValueOrDefault), below.Sum(open.GetValueOrDefault), deadlines.Count(d => d.Overdue && below.Contains(d.CellId)));
        })];
    }

    /// <param name="path">The subtree's path; null for every member.</param>
    private async Task<MemberFigures> MembersAsync(string? path, Period period, CancellationToken cancellationToken)
    {
        var end = period.To;
        var youngest = end.AddYears(-YoungFrom);
        var oldest = end.AddYears(-(YoungTo + 1));
        // One pass over the members and their birth dates: two rows, the young and the others.
        var byBirth = await db.Memberships.AsNoTracking()
            .Where(m => (path == null || m.Cell!.Path.StartsWith(path)) && m.ProbationaryFrom <= end && (m.EndedOn == null || m.EndedOn > end))
            .GroupBy(m => new
            {
                Young = m.Person!.DateOfBirth <= youngest && m.Person.DateOfBirth > oldest,
            })
            .Select(g => new { g.Key.Young, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new MemberFigures(byBirth.Sum(b => b.Count), byBirth.Where(b => b.Young).Sum(b => b.Count));
    }

    /// <summary>
    /// The meeting rhythm of every cell of the subtree, counted in the database: the rhythm page's per-cell reading
    /// (<see cref="RhythmModel"/>) summed, for any number of cells. A month (quarter) is missed when it is over, inside
    /// the period, and the cell held no regular (thematic) meeting in it.
    /// </summary>
    private async Task<RhythmFigures> RhythmAsync(Organisation organisation, Period period, DateOnly today, CancellationToken cancellationToken)
    {
        var path = organisation.Path;
        var year = period.Year;
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var months = Enumerable.Range(period.From.Month, period.To.Month - period.From.Month + 1).Where(m => RhythmModel.MonthEnded(year, m, today)).ToList();
        var quarters = months.Where(m => m % 3 == 0).Select(m => m / 3).ToList();

        var cells = db.Organisations.Where(o => o.Path.StartsWith(path) && o.Kind == OrganisationKind.Cell).Select(o => o.Id);
        var cellCount = await cells.CountAsync(cancellationToken);
        var held = db.Meetings.AsNoTracking().Where(m => cells.Contains(m.OrganisationId) && m.Date >= from && m.Date <= to);
        // Per cell, how many of the counted months (quarters) had a meeting: cells without any are not listed.
        var monthsHeld = await held.Where(m => m.Kind == MeetingKind.Regular)
            .Select(m => new { m.OrganisationId, m.Date.Month }).Distinct()
            .Where(m => months.Contains(m.Month))
            .GroupBy(m => m.OrganisationId).Select(g => g.Count())
            .ToListAsync(cancellationToken);
        var quartersHeld = await held.Where(m => m.Kind == MeetingKind.Thematic)
            .Select(m => new { m.OrganisationId, Quarter = (m.Date.Month + 2) / 3 }).Distinct()
            .Where(m => quarters.Contains(m.Quarter))
            .GroupBy(m => m.OrganisationId).Select(g => g.Count())
            .ToListAsync(cancellationToken);
        return new RhythmFigures(
            cellCount,
            months.Count == 0 ? 0 : cellCount - monthsHeld.Count(c => c == months.Count), cellCount * months.Count - monthsHeld.Sum(),
            quarters.Count == 0 ? 0 : cellCount - quartersHeld.Count(c => c == quarters.Count), cellCount * quarters.Count - quartersHeld.Sum());
    }
}
