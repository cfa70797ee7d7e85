using System.Net;
using Chibo.Data;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Chibo.Seeding;
using Chibo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Chibo.Tests.Data;

/// <summary>A test that needs the streaming replica test.sh starts; skipped, with the reason, without it.</summary>
public sealed class ReplicaFactAttribute : FactAttribute
{
    public const string Variable = "CHIBO_TEST_POSTGRES_REPLICA";

    public ReplicaFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set: test.sh sets it when it could start a streaming replica of the test PostgreSQL.";
        }
    }
}

/// <summary>
/// <c>ConnectionStrings:ChiboReadOnly</c> on a real streaming replica. The replica's replay is paused while the
/// app writes, so the two databases differ and each page shows which one it read: the portal and the figures
/// still show the old data (they read the replica), the write succeeded and the case file shows it at once
/// (the primary). Routing the wrong way round fails one of the assertions.
/// </summary>
public sealed class ReadReplicaTests : IAsyncLifetime
{
    private const string StoryCell = "Chi bộ Trường Cao đẳng Y Hà Nội";

    private ChiboFactory? _app;
    private string _replicaAdmin = "";
    private string _replica = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(ReplicaFactAttribute.Variable) is not { Length: > 0 } replicaAdmin)
        {
            return;
        }

        _replicaAdmin = replicaAdmin;
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using (var db = database.CreateContext())
        {
            await DatabaseSetup.MigrateAsync(db);
        }

        await using (var services = database.CreateServices())
        {
            await using var scope = services.CreateAsyncScope();
            await DemoSeeder.SeedAsync(scope.ServiceProvider, DemoOptions.Default, TextWriter.Null);
        }

        _replica = new NpgsqlConnectionStringBuilder(replicaAdmin) { Database = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString).Database }.ToString();
        await CaughtUpAsync(database);
        _app = ChiboFactory.Start(new ChiboFactory(database, new Dictionary<string, string> { [DatabaseSettings.ReadOnlyConnectionStringKey] = _replica }));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await ReplayAsync(pause: false);
            await _app.DisposeAsync();
        }
    }

    [ReplicaFact]
    public async Task WhileTheReplicaLags_PortalAndFiguresReadIt_TheWriteAndTheCaseFileUseThePrimary()
    {
        var app = _app!;
        Guid caseId, cellId, articleId;
        string oldTitle;
        var marker = $"BANSAO{Guid.NewGuid():N}";
        await using (var db = app.Database.CreateContext())
        {
            cellId = await db.Organisations.Where(o => o.Name == StoryCell).Select(o => o.Id).SingleAsync();
            caseId = await db.Cases.Where(c => c.CellId == cellId && c.Stage == Stage.Sympathizer && c.Steps.Any(s => s.Kind == EventKind.HelperAssigned))
                .Where(c => !db.Users.Any(u => u.PersonId == c.PersonId)).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            var article = await db.NewsArticles.Where(a => a.Status == Chibo.Data.Entities.ArticleStatus.Published)
                .OrderBy(a => a.PublishAt).Select(a => new { a.Id, a.Title }).FirstAsync();
            (articleId, oldTitle) = (article.Id, article.Title);
        }

        // Signed in, so the portal's output cache (anonymous readers only) cannot answer instead of the database.
        using var client = await SignIn.AsAsync(app, "bithu");
        var figuresBefore = await client.GetStringAsync(FiguresAddress(cellId));
        var form = await client.GetStringAsync(new Uri($"/ho-so/{caseId}?buoc={EventKind.AwarenessCertificate}", UriKind.Relative));

        await ReplayAsync(pause: true);
        using var recorded = await client.PostAsync(new Uri($"/ho-so/{caseId}?buoc={EventKind.AwarenessCertificate}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["buoc"] = EventKind.AwarenessCertificate.ToString(),
            ["Input.Version"] = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value,
            ["Input.Date"] = "2024-03-05",
            ["Input.Number"] = "99/CN-BANSAO",
            ["Input.Issuer"] = "Trung tâm Chính trị quận Thanh Xuân",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
        }));
        var newTitle = $"{oldTitle} {marker}";
        await using (var db = app.Database.CreateContext())
        {
            await db.NewsArticles.Where(a => a.Id == articleId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, newTitle));
        }

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Contains("99/CN-BANSAO", await client.GetStringAsync(new Uri($"/ho-so/{caseId}", UriKind.Relative)));
        Assert.Equal(figuresBefore, await client.GetStringAsync(FiguresAddress(cellId)));
        Assert.DoesNotContain(marker, await client.GetStringAsync(new Uri("/cong-thong-tin", UriKind.Relative)));

        await ReplayAsync(pause: false);
        await CaughtUpAsync(app.Database);
        Assert.NotEqual(figuresBefore, await client.GetStringAsync(FiguresAddress(cellId)));
        Assert.Contains(marker, await client.GetStringAsync(new Uri("/cong-thong-tin", UriKind.Relative)));
    }

    private static Uri FiguresAddress(Guid organisationId) => new($"/api/v1/organisations/{organisationId}/figures?year=2024", UriKind.Relative);

    private async Task ReplayAsync(bool pause)
    {
        // Through the database test.sh granted these functions in; pausing replay pauses the whole cluster.
        await using var connection = new NpgsqlConnection(_replicaAdmin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(pause ? "SELECT pg_wal_replay_pause()" : "SELECT pg_wal_replay_resume()", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until the replica has replayed everything the primary has written so far.</summary>
    private async Task CaughtUpAsync(TestDatabase primary)
    {
        await using var source = new NpgsqlConnection(primary.Settings.ConnectionString);
        await source.OpenAsync();
        await using var position = new NpgsqlCommand("SELECT pg_current_wal_lsn()::text", source);
        var lsn = (string)(await position.ExecuteScalarAsync())!;
        await using var replica = new NpgsqlConnection(_replica);
        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(200))
        {
            try
            {
                await replica.OpenAsync();
                await using var replayed = new NpgsqlCommand($"SELECT pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn", replica);
                if ((bool)(await replayed.ExecuteScalarAsync())!)
                {
                    return;
                }
            }
            catch (PostgresException) when (waited < TimeSpan.FromMinutes(1))
            {
                // The test database itself may not have reached the replica yet.
            }
            finally
            {
                await replica.CloseAsync();
            }

            Assert.True(waited < TimeSpan.FromMinutes(1), $"The replica did not replay up to {lsn} within a minute.");
            await Task.Delay(200);
        }
    }
}
