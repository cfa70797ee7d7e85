using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Features.Organisations;
using Chibo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Tests.Features.Organisations;

public abstract class MoveOrganisationTests(DatabaseProvider provider)
{
    [Fact]
    public async Task MovingABlocCommitteeUnderTheCity_MovesEveryCellAndClassBelowIt()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (code, _, _) = await ChiboCli.RunAsync(["seed", "--demo", "--students", "100", .. database.ConfigurationArgs]);
        Assert.Equal(0, code);
        await using var db = database.CreateContext();
        var city = await db.Organisations.SingleAsync(o => o.Name == "Thành ủy Hà Nội");
        var bloc = await db.Organisations.SingleAsync(o => o.Name == "Đảng ủy Khối Doanh nghiệp quận Thanh Xuân");
        var below = await db.Organisations.CountAsync(o => o.Path.StartsWith(bloc.Path));

        // 01/7/2025: districts are gone, the bloc answers to the city.
        var result = await new MoveOrganisation(db).RunAsync(bloc.Id, city.Id);

        Assert.True(result.IsSuccess);
        Assert.Equal(below, result.Value);
        await using var check = database.CreateContext();
        var moved = await check.Organisations.SingleAsync(o => o.Id == bloc.Id);
        var k23n3 = await check.Organisations.SingleAsync(o => o.ShortName == "K23N3" && o.Kind == OrganisationKind.SchoolClass);
        Assert.Equal(city.Id, moved.ParentId);
        Assert.Equal($"{city.Path}{bloc.Id:N}/", moved.Path);
        Assert.StartsWith(moved.Path, k23n3.Path, StringComparison.Ordinal);
        Assert.DoesNotContain(await check.Organisations.Select(o => o.Path).ToListAsync(), p => p.Contains(bloc.Path, StringComparison.Ordinal) && !p.StartsWith(city.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MovingAnOrganisationIntoItsOwnSubtree_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, (await ChiboCli.RunAsync(["seed", "--demo", "--students", "100", .. database.ConfigurationArgs])).Code);
        await using var db = database.CreateContext();
        var district = await db.Organisations.SingleAsync(o => o.Name == "Quận ủy Thanh Xuân");
        var cell = await db.Organisations.SingleAsync(o => o.Name == "Chi bộ Trường Cao đẳng Y Hà Nội");

        var result = await new MoveOrganisation(db).RunAsync(district.Id, cell.Id);

        Assert.Equal("ORG-CYCLE", Assert.Single(result.Errors).Code);
    }
}

public sealed class MoveOrganisationTestsOnSqlite() : MoveOrganisationTests(DatabaseProvider.Sqlite);

public sealed class MoveOrganisationTestsOnPostgres() : MoveOrganisationTests(DatabaseProvider.Postgres);
