using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Seeding;
using Chibo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Tests.Seeding;

public abstract class DemoSeedTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        await DatabaseSetup.MigrateAsync(db);
        await SeedAsync(DemoOptions.Default);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task SeedAsync(DemoOptions options)
    {
        await using var services = _database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        await DemoSeeder.SeedAsync(scope.ServiceProvider, options, TextWriter.Null);
    }

    [Fact]
    public async Task Demo_TellsTheArticlesStory_FromCityToClassBranch()
    {
        await using var db = _database.CreateContext();
        var cell = await db.Organisations.SingleAsync(o => o.Name == "Chi bộ Trường Cao đẳng Y Hà Nội");
        var bloc = await db.Organisations.SingleAsync(o => o.Id == cell.ParentId);
        var district = await db.Organisations.SingleAsync(o => o.Id == bloc.ParentId);

        Assert.True(cell.IsGrassroots);
        Assert.Equal("Đảng ủy Khối Doanh nghiệp quận Thanh Xuân", bloc.Name);
        Assert.Equal("Quận ủy Thanh Xuân", district.Name);
        Assert.StartsWith(district.Path, cell.Path, StringComparison.Ordinal);

        var vi = await db.People.Include(p => p.Organisation).SingleAsync(p => p.FullName == "Nguyễn Trịnh Yến Vi");
        Assert.Equal("K23N3", vi.Organisation!.ShortName);
        Assert.True(await db.Memberships.AnyAsync(m => m.PersonId == vi.Id && m.CellId == cell.Id && m.OfficialFrom == null));

        var titles = await db.Positions.Where(p => p.OrganisationId == cell.Id || p.Organisation!.Path.StartsWith(district.Path))
            .Select(p => p.Person!.FullName + " — " + p.Title).ToListAsync();
        Assert.Contains("Lê Ngọc Biên — Bí thư Chi bộ Trường Cao đẳng Y Hà Nội", titles);
        Assert.Contains("Phạm Thúy Hường — Bí thư Đoàn trường", titles);
        Assert.Contains("Nguyễn Thu Hà — Phó Trưởng Ban Tổ chức Quận ủy Thanh Xuân", titles);
        Assert.Contains("Lê Trung Hải — Hiệu trưởng", titles);
    }

    [Fact]
    public async Task Demo_BuildsASchoolOfAboutFifteenHundredStudents_WithTermsAndTwentyFiveMembers()
    {
        await using var db = _database.CreateContext();
        var students = await db.People.CountAsync(p => p.StudentCode != null);
        var members = await db.Memberships.CountAsync();
        var terms = await db.StudentTerms.CountAsync();

        Assert.InRange(students, 1_500, 1_501);
        Assert.InRange(members, 24, 26);
        Assert.True(terms >= students * 2, $"{terms} terms for {students} students");
        Assert.True(await db.StudentTerms.AllAsync(t => t.ConductScore >= 0 && t.ConductScore <= 100));
        Assert.Equal(students, await db.People.Where(p => p.StudentCode != null).Select(p => p.StudentCode).Distinct().CountAsync());
    }

    [Fact]
    public async Task Demo_HasOneSignInPerRole_EachScopedToItsOrganisation()
    {
        await using var db = _database.CreateContext();
        var assignments = await db.RoleAssignments.Include(r => r.Organisation).ToListAsync();

        Assert.Equal(Enum.GetValues<Role>().Order(), assignments.Select(a => a.Role).Order());
        Assert.Equal("Chi bộ Trường Cao đẳng Y Hà Nội", assignments.Single(a => a.Role == Role.CellSecretary).Organisation!.Name);
        Assert.Equal("Chi đoàn K23N3", assignments.Single(a => a.Role == Role.BranchSecretary).Organisation!.Name);
        Assert.Null(assignments.Single(a => a.Role == Role.Administrator).OrganisationId);
    }

    [Fact]
    public async Task Demo_NamesAreVietnameseAndFoldForSearch()
    {
        await using var db = _database.CreateContext();
        var sample = await db.People.Where(p => p.StudentCode != null).OrderBy(p => p.StudentCode).Take(200).ToListAsync();

        Assert.All(sample, p => Assert.Equal(SearchText.Fold(p.FullName), p.SearchName));
        Assert.Contains(sample, p => p.FullName.Any(c => c > 127));
        Assert.All(sample, p => Assert.Matches("^[0-9]{12}$", p.NationalId!));
    }
}

public sealed class DemoSeedTestsOnSqlite() : DemoSeedTests(DatabaseProvider.Sqlite);

public sealed class DemoSeedTestsOnPostgres() : DemoSeedTests(DatabaseProvider.Postgres);
