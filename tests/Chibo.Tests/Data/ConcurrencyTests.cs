using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Tests.Data;

public abstract class ConcurrencyTests(DatabaseProvider provider)
{
    [Fact]
    public async Task TwoEditorsOfOnePerson_TheSecondGetsAConflict_AndTheFirstEditStays()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var setup = database.CreateContext())
        {
            await DatabaseSetup.MigrateAsync(setup);
            setup.People.Add(new Person { FullName = "Nguyễn Văn An", SearchName = "nguyen van an" });
            await setup.SaveChangesAsync();
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var mine = await first.People.SingleAsync();
        var theirs = await second.People.SingleAsync();

        mine.Phone = "0912000001";
        await first.SaveChangesAsync();
        theirs.Phone = "0912000002";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = database.CreateContext();
        var stored = await check.People.SingleAsync();
        Assert.Equal("0912000001", stored.Phone);
        Assert.Equal(1, stored.Version);
    }
}

public sealed class ConcurrencyTestsOnSqlite() : ConcurrencyTests(DatabaseProvider.Sqlite);

public sealed class ConcurrencyTestsOnPostgres() : ConcurrencyTests(DatabaseProvider.Postgres);
