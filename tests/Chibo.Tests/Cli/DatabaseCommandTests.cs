using Chibo.Data;
using Chibo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Tests.Cli;

public class DatabaseCommandTests
{
    [Fact]
    public async Task Backup_ThenRestore_BringsBackTheDataAsItWas()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var seeded = await ChiboCli.RunAsync(["seed", "--demo", "--students", "200", .. database.ConfigurationArgs]);
        Assert.Equal(0, seeded.Code);
        var backup = Path.Combine(database.Settings.DataDirectory, "backup.db");

        var (code, output, _) = await ChiboCli.RunAsync(["backup", backup, .. database.ConfigurationArgs]);
        Assert.Equal(0, code);
        Assert.Contains("Đã sao lưu", output);

        int before;
        await using (var db = database.CreateContext())
        {
            before = await db.People.CountAsync();
            await db.StudentTerms.ExecuteDeleteAsync();
            await db.Positions.ExecuteDeleteAsync();
        }

        var restored = await ChiboCli.RunAsync(["restore", backup, .. database.ConfigurationArgs]);
        Assert.Equal(0, restored.Code);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(before, await db.People.CountAsync());
            Assert.True(await db.StudentTerms.AnyAsync());
            Assert.True(await db.Positions.AnyAsync());
        }
    }

    [Fact]
    public async Task Backup_ToAFileThatExists_RefusesAndKeepsTheFile()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var existing = Path.Combine(database.Settings.DataDirectory, "keep.db");
        await File.WriteAllTextAsync(existing, "mine");

        var (code, _, error) = await ChiboCli.RunAsync(["backup", existing, .. database.ConfigurationArgs]);

        Assert.Equal(2, code);
        Assert.Contains("đã có", error);
        Assert.Equal("mine", await File.ReadAllTextAsync(existing));
    }

    [Fact]
    public async Task Restore_FromAFileThatIsNotABackup_RefusesAndChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await ChiboCli.RunAsync(["seed", "--demo", "--students", "50", .. database.ConfigurationArgs])).Code);
        var junk = Path.Combine(database.Settings.DataDirectory, "junk.db");
        await File.WriteAllTextAsync(junk, "not a database at all");

        var (code, _, error) = await ChiboCli.RunAsync(["restore", junk, .. database.ConfigurationArgs]);

        Assert.Equal(2, code);
        Assert.Single(error.Split('\n'));
        await using var db = database.CreateContext();
        Assert.True(await db.People.AnyAsync());
    }

    [Fact]
    public async Task Backup_OnPostgres_PointsToPgDump()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);

        var (code, _, error) = await ChiboCli.RunAsync(["backup", "/tmp/x.db", .. database.ConfigurationArgs]);

        Assert.Equal(2, code);
        Assert.Contains("pg_dump", error);
    }

    [Fact]
    public async Task Seed_IntoADatabaseWithData_RefusesWithoutTouchingIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await ChiboCli.RunAsync(["seed", "--demo", "--students", "50", .. database.ConfigurationArgs])).Code);

        var (code, _, error) = await ChiboCli.RunAsync(["seed", "--demo", "--students", "50", .. database.ConfigurationArgs]);

        Assert.Equal(1, code);
        Assert.Contains("đã có dữ liệu", error);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Organisations.CountAsync(o => o.Name == "Quận ủy Thanh Xuân"));
    }

    [Fact]
    public async Task Seed_KilledHalfway_LeavesNothingBehind_AndASecondRunWorks()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using (var seeding = ChiboCli.Start(["seed", "--demo", "--students", "300000", .. database.ConfigurationArgs]))
        {
            // The first progress line is written after a school is inserted, inside the transaction.
            string? line;
            do
            {
                line = await seeding.StandardOutput.ReadLineAsync();
            }
            while (line is not null && !line.Contains("Đã tạo", StringComparison.Ordinal));

            Assert.NotNull(line);
            seeding.Kill(entireProcessTree: true);
            await seeding.WaitForExitAsync();
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.Organisations.CountAsync());
            Assert.Equal(0, await db.People.CountAsync());
        }

        var (code, _, _) = await ChiboCli.RunAsync(["seed", "--demo", "--students", "100", .. database.ConfigurationArgs]);
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task AMigrationLockLeftByAKilledProcess_DoesNotHangTheNextStart()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await ChiboCli.RunAsync(["migrate", .. database.ConfigurationArgs])).Code);
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2024-03-05T08:00:00.0000000+00:00')");
        }

        var run = ChiboCli.RunAsync(["migrate", .. database.ConfigurationArgs]);
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.Same(run, finished);
        Assert.Equal(0, (await run).Code);
    }

    [Theory]
    [InlineData("seed", "--demo", "--students", "many")]
    [InlineData("seed", "--demo", "--frobnicate")]
    [InlineData("migrate", "--verbose")]
    [InlineData("--port", "80")]
    public async Task BadFlags_PrintUsageAndExit2(params string[] args)
    {
        var (code, _, error) = await ChiboCli.RunAsync(args);

        Assert.Equal(2, code);
        Assert.DoesNotContain("   at ", error);
        Assert.Contains("chibo", error);
    }

    [Fact]
    public async Task DataFolderThatCannotBeWritten_OneLineNamingTheSetting()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (code, _, error) = await ChiboCli.RunAsync("migrate", "--data", file);

            Assert.Equal(2, code);
            Assert.Single(error.Split('\n'));
            Assert.Contains("Data:Directory", error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=3")]
    [InlineData("this is not a connection string")]
    public async Task WrongPostgresConnectionString_OneLineNamingTheSetting(string connectionString)
    {
        var (code, _, error) = await ChiboCli.RunAsync("migrate", "--Database:Provider=Postgres", $"--ConnectionStrings:Chibo={connectionString}");

        Assert.Equal(2, code);
        Assert.Single(error.Split('\n'));
        Assert.Contains("ConnectionStrings:Chibo", error);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres, "org", "list")]
    [InlineData(DatabaseProvider.Postgres, "remind")]
    [InlineData(DatabaseProvider.Sqlite, "org", "list")]
    public async Task AVerbOnAnEmptyDatabase_SaysToMigrateInOneLine_AndMigrateThenLetsItRun(DatabaseProvider provider, params string[] verb)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var (code, _, error) = await ChiboCli.RunAsync([.. verb, .. database.ConfigurationArgs]);

        Assert.Equal(2, code);
        Assert.Single(error.Split('\n'));
        Assert.Contains("chưa có cấu trúc của Chibo", error);
        Assert.Contains("chibo migrate", error);
        Assert.Equal(0, (await ChiboCli.RunAsync(["migrate", .. database.ConfigurationArgs])).Code);
        Assert.Equal(0, (await ChiboCli.RunAsync([.. verb, .. database.ConfigurationArgs])).Code);
    }

    [Fact]
    public async Task AVerbWhoseDatabaseLosesATable_FailsInOneLine_NotAStackTrace()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        Assert.Equal(0, (await ChiboCli.RunAsync(["migrate", .. database.ConfigurationArgs])).Code);
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"Organisations\" CASCADE");
        }

        var (code, _, error) = await ChiboCli.RunAsync(["org", "list", .. database.ConfigurationArgs]);

        Assert.Equal(2, code);
        Assert.Single(error.Split('\n'));
        Assert.StartsWith("chibo: lỗi cơ sở dữ liệu: ", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task UnknownProvider_OneLineNamingTheSetting()
    {
        var (code, _, error) = await ChiboCli.RunAsync("migrate", "--Database:Provider=Oracle");

        Assert.Equal(2, code);
        Assert.Contains("Database:Provider", error);
    }
}
