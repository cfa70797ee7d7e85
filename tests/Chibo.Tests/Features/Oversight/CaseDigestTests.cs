using System.Net;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Chibo.Features.Cases;
using Chibo.Features.Inspection;
using Chibo.Hosting;
using Chibo.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Chibo.Tests.Features.Oversight;

public sealed class DigestDemoOnSqlite() : DemoApp(DatabaseProvider.Sqlite, 3_000);

public sealed class DigestDemoOnPostgres() : DemoApp(DatabaseProvider.Postgres, 3_000);

/// <summary>
/// The stage spans and appraisals stored beside the steps stay equal to a computation from the steps themselves
/// after steps are recorded and withdrawn through the pages; the half-year counts only its own months of meetings.
/// </summary>
public abstract partial class CaseDigestTests(DemoApp app)
{
    /// <summary>The step entering each stage of the road, in order: written here again, not read from the app.</summary>
    private static readonly (Stage Stage, EventKind Entry)[] Road =
    [
        (Stage.Source, EventKind.SourceListed), (Stage.Outstanding, EventKind.UnionIntroduced), (Stage.Sympathizer, EventKind.SympathizerListed),
        (Stage.Trained, EventKind.AwarenessCertificate), (Stage.Applying, EventKind.Application), (Stage.CellProposed, EventKind.CellResolution),
        (Stage.CommitteeProposed, EventKind.CommitteeResolution), (Stage.Admitted, EventKind.AdmissionDecision), (Stage.Probationary, EventKind.Ceremony),
        (Stage.RecognitionProposed, EventKind.RecognitionResolution), (Stage.Official, EventKind.RecognitionDecision),
    ];

    [Fact]
    public async Task StoredSpansAndAppraisals_EqualAComputationFromTheSteps_AfterStepsAreRecordedAndWithdrawn()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var trained = await app.TakeCaseAsync(Stage.Sympathizer, withHelper: true);
        var withdrawn = await app.TakeCaseAsync(Stage.Trained);
        using var recorded = await PostStepAsync(client, trained, "AwarenessCertificate", new() { ["Input.Date"] = "2024-03-05", ["Input.Number"] = "58/CN-TTCT", ["Input.Issuer"] = "Trung tâm Chính trị quận Thanh Xuân" });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        await using (var db = app.Database.CreateContext())
        {
            var latest = await db.CaseSteps.Where(s => s.CaseId == withdrawn && s.VoidedAt == null).OrderByDescending(s => s.Date).ThenByDescending(s => s.RecordedAt).FirstAsync();
            using var voided = await PostVoidAsync(client, withdrawn, latest.Id, "Ghi nhầm giấy chứng nhận của người khác.");
            Assert.Equal(HttpStatusCode.Redirect, voided.StatusCode);
        }

        var today = app.Factory.Services.GetRequiredService<ChiboClock>().Today;
        await using var check = app.Database.CreateContext();
        // The steps' own writers stored the appraisals, for the case's new version, before any list was read.
        foreach (var id in new[] { trained, withdrawn })
        {
            var version = await check.Cases.Where(c => c.Id == id).Select(c => c.Version).SingleAsync();
            var stored = await check.CaseAppraisals.SingleAsync(a => a.CaseId == id);
            Assert.Equal((version, today), (stored.CaseVersion, stored.AppraisedOn));
        }

        Assert.Equal(Stage.Trained, (await check.CaseStageSpans.SingleAsync(s => s.CaseId == trained && s.Left == null)).Stage);
        Assert.Equal(Stage.Sympathizer, (await check.CaseStageSpans.SingleAsync(s => s.CaseId == withdrawn && s.Left == null)).Stage);

        await AssertSpansAreComputedFromTheStepsAsync(check);

        // The list brings every stale appraisal up to date; then each stored one equals the engine's appraisal today.
        using var inspector = await SignIn.AsAsync(app.Factory, "admin");
        Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync(new Uri("/kiem-tra", UriKind.Relative))).StatusCode);
        var live = await new CaseAppraisals(check).OpenCasesAsync([null], today);
        var storedAll = await check.CaseAppraisals.AsNoTracking().ToDictionaryAsync(a => a.CaseId);
        Assert.True(live.Count > 200, $"{live.Count} open cases");
        Assert.Contains(live, c => c.Report.Findings.Count > 0);
        foreach (var one in live)
        {
            var fresh = CaseDigests.Stored(one, today);
            var stored = storedAll[one.CaseId];
            Assert.Equal(
                (fresh.CaseVersion, fresh.AppraisedOn, fresh.Errors, fresh.Warnings, fresh.Rules, fresh.Findings, fresh.OverdueSince, fresh.NextDue),
                (stored.CaseVersion, stored.AppraisedOn, stored.Errors, stored.Warnings, stored.Rules, stored.Findings, stored.OverdueSince, stored.NextDue));
        }
    }

    [Fact]
    public async Task AppraisalsInBatches_CoverEveryOpenCaseOnce_WholeCellsAtATime()
    {
        await using var db = app.Database.CreateContext();
        var today = app.Factory.Services.GetRequiredService<ChiboClock>().Today;
        var appraisals = new CaseAppraisals(db);
        var all = await appraisals.OpenCasesAsync([null], today);

        var batches = new List<IReadOnlyList<AppraisedCase>>();
        // One case is past any cell's size: every batch is then exactly one cell.
        await foreach (var batch in appraisals.InBatchesAsync(db.Cases, today, batchSize: 1))
        {
            batches.Add(batch);
        }

        Assert.True(batches.Count > 1, $"{batches.Count} batches");
        Assert.Equal(all.Select(c => c.CellId).Distinct().Count(), batches.Count);
        Assert.Equal(all.Select(c => c.CaseId).Order(), batches.SelectMany(b => b).Select(c => c.CaseId).Order());
        // A cell's cases all come in one batch: its members are read once.
        Assert.All(all.GroupBy(c => c.CellId), cell => Assert.Single(batches, b => b.Any(c => c.CellId == cell.Key)));
        Assert.Equal(
            all.Select(c => (c.CaseId, c.Report.Findings.Count, c.Report.Deadlines.Count)).Order(),
            batches.SelectMany(b => b).Select(c => (c.CaseId, c.Report.Findings.Count, c.Report.Deadlines.Count)).Order());
    }

    [Fact]
    public async Task OnSqlite_ThePlannerHasStatistics_AfterTheSeed()
    {
        if (app.Database.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        // Without them SQLite answered "has this case a step of kind K" from the (Kind, Date) index: minutes at scale.
        await using var db = app.Database.CreateContext();
        var analysed = await db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM sqlite_stat1 WHERE tbl = 'CaseSteps'").SingleAsync();
        Assert.True(analysed >= 3, $"{analysed} statistics rows for CaseSteps");
    }

    [Fact]
    public async Task TheMigrationThatAddedCellsAndDays_FillsThemForTheSpansAlreadyStored()
    {
        await using var db = app.Database.CreateContext();
        var migrations = db.Database.GetMigrations().ToList();
        var added = migrations.FindIndex(m => m.EndsWith("_StageSpanCellsAndDays", StringComparison.Ordinal));
        var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();

        // Back to the schema before the columns (they are dropped), then up again over the demo's stored spans.
        await migrator.MigrateAsync(migrations[added - 1]);
        await migrator.MigrateAsync();

        await AssertSpansAreComputedFromTheStepsAsync(db);
    }

    /// <summary>Every stored span equals the one computed here from the live steps: stage, dates, the case's cell and the days.</summary>
    private static async Task AssertSpansAreComputedFromTheStepsAsync(AppDbContext db)
    {
        var steps = await db.CaseSteps.Where(s => s.VoidedAt == null)
            .Join(db.Cases, s => s.CaseId, c => c.Id, (s, c) => new { s.CaseId, c.CellId, s.Kind, s.Date }).ToListAsync();
        var expected = steps.GroupBy(s => (s.CaseId, s.CellId)).SelectMany(g =>
        {
            var entries = Road.Select(r => (r.Stage, Date: g.Where(s => s.Kind == r.Entry).Select(s => (DateOnly?)s.Date).Min())).Where(e => e.Date is not null).ToList();
            return entries.Select((e, i) =>
            {
                var left = i + 1 < entries.Count ? entries[i + 1].Date : null;
                return $"{g.Key.CaseId} {g.Key.CellId} {e.Stage} {e.Date} {left} {left?.DayNumber - e.Date!.Value.DayNumber}";
            });
        }).Order(StringComparer.Ordinal).ToList();
        var spans = (await db.CaseStageSpans.AsNoTracking().ToListAsync())
            .Select(s => $"{s.CaseId} {s.CellId} {s.Stage} {s.Entered} {s.Left} {s.Days}").Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count > 500, $"{expected.Count} spans");
        Assert.Equal(expected, spans);
    }

    [Fact]
    public async Task FiguresFromTheSpans_EqualTheStepsCountedFromScratch()
    {
        using var client = await SignIn.AsAsync(app.Factory, "admin");
        await using var db = app.Database.CreateContext();
        var city = await db.Organisations.Where(o => o.ParentId == null && o.Kind == OrganisationKind.CityCommittee).Select(o => o.Id).SingleAsync();
        var steps = await db.CaseSteps.Where(s => s.VoidedAt == null).Select(s => new { s.CaseId, s.Kind, s.Date }).ToListAsync();

        foreach (var year in new[] { 2023, 2024 })
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            var response = await client.GetStringAsync(new Uri($"/api/v1/organisations/{city}/figures?year={year}", UriKind.Relative));
            var figures = JsonDocument.Parse(response).RootElement;

            // Entered: cases whose first step into the stage falls in the year.
            foreach (var stage in figures.GetProperty("funnel").EnumerateArray())
            {
                var entry = Road.Single(r => r.Stage.ToString() == stage.GetProperty("stage").GetString()).Entry;
                var entered = steps.Where(s => s.Kind == entry).GroupBy(s => s.CaseId).Count(g => g.Min(s => s.Date) >= from && g.Min(s => s.Date) <= to);
                Assert.Equal(entered, stage.GetProperty("entered").GetInt32());
            }

            // Time in stage: from the first entry to the first entry into the next stage reached, for those that left in the year.
            var durations = new Dictionary<Stage, List<int>>();
            foreach (var one in steps.Where(s => s.Date <= to).GroupBy(s => s.CaseId))
            {
                var entries = Road.Select(r => (r.Stage, Date: one.Where(s => s.Kind == r.Entry).Select(s => (DateOnly?)s.Date).Min())).Where(e => e.Date is not null).ToList();
                for (var i = 0; i + 1 < entries.Count; i++)
                {
                    if (entries[i + 1].Date >= from)
                    {
                        (durations.TryGetValue(entries[i].Stage, out var list) ? list : durations[entries[i].Stage] = []).Add(Math.Max(0, entries[i + 1].Date!.Value.DayNumber - entries[i].Date!.Value.DayNumber));
                    }
                }
            }

            foreach (var time in figures.GetProperty("timeInStage").EnumerateArray())
            {
                var days = durations.GetValueOrDefault(Enum.Parse<Stage>(time.GetProperty("stage").GetString()!)) ?? [];
                days.Sort();
                Assert.Equal(days.Count, time.GetProperty("cases").GetInt32());
                int? median = days.Count == 0 ? null : days[Math.Clamp((int)Math.Ceiling(0.5 * days.Count) - 1, 0, days.Count - 1)];
                Assert.Equal(median, time.GetProperty("medianDays").ValueKind == JsonValueKind.Null ? null : time.GetProperty("medianDays").GetInt32());
            }

            Assert.Contains(figures.GetProperty("timeInStage").EnumerateArray(), t => t.GetProperty("cases").GetInt32() > 0);
        }
    }

    [Fact]
    public async Task AHalfYear_CountsTheMeetingsMissedInItsOwnMonthsOnly()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        await using var db = app.Database.CreateContext();
        var cell = await db.Organisations.Where(o => o.Name == "Chi bộ Trường Cao đẳng Y Hà Nội").Select(o => o.Id).SingleAsync();

        async Task<JsonElement> RhythmAsync(string query) =>
            JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/organisations/{cell}/figures?year=2023{query}", UriKind.Relative))).RootElement.GetProperty("rhythm").Clone();

        var year = await RhythmAsync("");
        var first = await RhythmAsync("&half=1");
        var second = await RhythmAsync("&half=2");

        Assert.True(year.GetProperty("missedMonths").GetInt32() > 0, "the demo cell missed months in 2023");
        Assert.Equal(year.GetProperty("missedMonths").GetInt32(), first.GetProperty("missedMonths").GetInt32() + second.GetProperty("missedMonths").GetInt32());
        Assert.Equal(year.GetProperty("missedQuarters").GetInt32(), first.GetProperty("missedQuarters").GetInt32() + second.GetProperty("missedQuarters").GetInt32());
        Assert.InRange(first.GetProperty("missedMonths").GetInt32(), 0, 6);
        Assert.InRange(second.GetProperty("missedQuarters").GetInt32(), 0, 2);
    }

    [Theory]
    [InlineData(2023, "")]
    [InlineData(2023, "&half=2")]
    [InlineData(2024, "")]
    public async Task TheCitysRhythm_IsTheSumOfItsCellsRhythms(int year, string half)
    {
        using var client = await SignIn.AsAsync(app.Factory, "admin");
        await using var db = app.Database.CreateContext();
        var city = await db.Organisations.Where(o => o.ParentId == null && o.Kind == OrganisationKind.CityCommittee).SingleAsync();
        var today = app.Factory.Services.GetRequiredService<ChiboClock>().Today;
        var rhythm = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/organisations/{city.Id}/figures?year={year}{half}", UriKind.Relative)))
            .RootElement.GetProperty("rhythm");

        var (first, last) = half == "" ? (1, 12) : (7, 12);
        var cells = await Chibo.Features.Meetings.RhythmModel.ForCellsAsync(db, db.Organisations.Where(o => o.Path.StartsWith(city.Path)), year, today, first, last);
        Assert.True(cells.Count > 1, $"{cells.Count} cells");
        Assert.Equal(
            (cells.Count, cells.Count(c => c.MissedMonths > 0), cells.Sum(c => c.MissedMonths), cells.Count(c => c.MissedQuarters > 0), cells.Sum(c => c.MissedQuarters)),
            (rhythm.GetProperty("cells").GetInt32(), rhythm.GetProperty("cellsMissingRegular").GetInt32(), rhythm.GetProperty("missedMonths").GetInt32(),
             rhythm.GetProperty("cellsMissingThematic").GetInt32(), rhythm.GetProperty("missedQuarters").GetInt32()));
    }

    [Fact]
    public async Task TheInspectionList_PagesTogetherHoldTheWholeListInItsOrder_AndThePageShowsAtMostAHundred()
    {
        using var client = await SignIn.AsAsync(app.Factory, "admin");
        var page = await client.GetStringAsync(new Uri("/kiem-tra", UriKind.Relative));
        Assert.InRange(CaseLink().Count(page), 1, Inspections.PageSize);

        await using var services = app.Database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var admin = await db.Users.SingleAsync(u => u.UserName == "admin");
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id)], "test")) };
        var me = new CurrentUser(new HttpContextAccessor { HttpContext = context }, db);
        await me.LoadAsync();
        var inspections = new Inspections(db, me, scope.ServiceProvider.GetRequiredService<CaseDigests>(), TimeProvider.System);
        var today = app.Factory.Services.GetRequiredService<ChiboClock>().Today;

        var whole = await inspections.ListAsync(today, null, null, pageNumber: null);
        Assert.True(whole.Rows.Count > 6, $"{whole.Rows.Count} cases with findings");
        Assert.Equal(whole.Rows.Count, whole.Matching);
        Assert.Equal(whole.Matching, whole.ByCell.Sum(c => c.Cases));
        var paged = new List<Guid>();
        var first = await inspections.ListAsync(today, null, null, pageNumber: 1, pageSize: 3);
        Assert.Equal((whole.Rows.Count + 2) / 3, first.Pages);
        for (var number = 1; number <= first.Pages; number++)
        {
            var one = await inspections.ListAsync(today, null, null, pageNumber: number, pageSize: 3);
            Assert.Equal((number, whole.Matching), (one.PageNumber, one.Matching));
            Assert.Equal(whole.ByRule, one.ByRule);
            paged.AddRange(one.Rows.Select(r => r.CaseId));
        }

        Assert.Equal(whole.Rows.Select(r => r.CaseId), paged);
        var errorsFirst = whole.Rows.Select(r => r.HasErrors).ToList();
        Assert.Equal(errorsFirst.OrderByDescending(e => e), errorsFirst);
    }

    private static async Task<HttpResponseMessage> PostStepAsync(HttpClient client, Guid caseId, string kind, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(new Uri($"/ho-so/{caseId}?buoc={kind}", UriKind.Relative));
        var values = new Dictionary<string, string>(fields)
        {
            ["buoc"] = kind,
            ["Input.Version"] = Version(form),
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
        };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri($"/ho-so/{caseId}?buoc={kind}", UriKind.Relative), content);
    }

    private static async Task<HttpResponseMessage> PostVoidAsync(HttpClient client, Guid caseId, Guid stepId, string reason)
    {
        var page = await client.GetStringAsync(new Uri($"/ho-so/{caseId}", UriKind.Relative));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Version"] = Version(page),
            ["VoidReason"] = reason,
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
        });
        return await client.PostAsync(new Uri($"/ho-so/{caseId}?handler=Void&step={stepId}", UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"|value=\"(\\d+)\"[^>]*name=\"Input.Version\"")]
    private static partial Regex VersionField();

    private static string Version(string page) => VersionField().Match(page) is { Success: true } m ? m.Groups[1].Value + m.Groups[2].Value : "0";

    [GeneratedRegex("<td><a href=\"/ho-so/([0-9a-f-]{36})\">")]
    private static partial Regex CaseLink();
}

public sealed class CaseDigestTestsOnSqlite(DigestDemoOnSqlite app) : CaseDigestTests(app), IClassFixture<DigestDemoOnSqlite>;

public sealed class CaseDigestTestsOnPostgres(DigestDemoOnPostgres app) : CaseDigestTests(app), IClassFixture<DigestDemoOnPostgres>;
