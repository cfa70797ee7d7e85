using System.Text.Json;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Tests.Data;

public abstract class AuditTests(DatabaseProvider provider)
{
    [Fact]
    public async Task EveryChange_IsAudited_WithBeforeAndAfter_AndNoSecrets()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.CreateServices();
        Guid id;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DatabaseSetup.MigrateAsync(db);
            var person = new Person { FullName = "Trần Thị Bình", SearchName = "tran thi binh", Phone = "0901000001" };
            db.People.Add(person);
            await db.SaveChangesAsync();
            person.Phone = "0901000002";
            await db.SaveChangesAsync();
            id = person.Id;
        }

        await using var check = database.CreateContext();
        var entries = await check.AuditEntries.Where(a => a.EntityId == id.ToString()).OrderBy(a => a.Id).ToListAsync();

        Assert.Equal(["create", "update"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("Person", e.EntityType));
        var update = JsonDocument.Parse(entries[1].Changes!).RootElement;
        Assert.Equal("0901000001", update.GetProperty("Phone").GetProperty("before").GetString());
        Assert.Equal("0901000002", update.GetProperty("Phone").GetProperty("after").GetString());
        Assert.False(update.TryGetProperty("Version", out _));
    }

    [Fact]
    public async Task AuditEntries_CannotBeChangedOrDeleted_EvenWithRawSql()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await DatabaseSetup.MigrateAsync(db);
        db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, Actor = "test", Action = "view", EntityType = "Person", EntityId = "x" });
        await db.SaveChangesAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(a => a.Actor, "someone else")));
        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteDeleteAsync());
        Assert.Equal("test", (await db.AuditEntries.AsNoTracking().SingleAsync()).Actor);
    }
}

public sealed class AuditTestsOnSqlite() : AuditTests(DatabaseProvider.Sqlite);

public sealed class AuditTestsOnPostgres() : AuditTests(DatabaseProvider.Postgres);
