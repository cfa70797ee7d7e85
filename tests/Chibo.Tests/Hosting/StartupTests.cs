using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Tests.Hosting;

public class StartupTests
{
    [Fact]
    public async Task FirstStart_WithoutDemo_CreatesOneAdministrator_WhoMustChangeThePassword()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (ChiboFactory.Start(new ChiboFactory(database, ownsDatabase: false)))
        {
        }

        await using (ChiboFactory.Start(new ChiboFactory(database, ownsDatabase: false)))
        {
        }

        await using var db = database.CreateContext();
        var admin = await db.Users.SingleAsync();
        Assert.Equal("admin", admin.UserName);
        Assert.True(admin.MustChangePassword);
        Assert.NotNull(admin.PasswordHash);
        Assert.Equal(Role.Administrator, (await db.RoleAssignments.SingleAsync()).Role);
        Assert.False(await db.Organisations.AnyAsync());
    }

    [Fact]
    public async Task DemoStart_LoadsTheDemoOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var demo = new Dictionary<string, string> { ["Demo"] = "true" };
        await using (ChiboFactory.Start(new ChiboFactory(database, demo, ownsDatabase: false)))
        {
        }

        await using (ChiboFactory.Start(new ChiboFactory(database, demo, ownsDatabase: false)))
        {
        }

        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Organisations.CountAsync(o => o.Name == "Chi bộ Trường Cao đẳng Y Hà Nội"));
        Assert.True(await db.Users.AnyAsync(u => u.UserName == "bithu"));
    }

    [Fact]
    public void NewPassword_MeetsThePasswordRules()
    {
        var password = Chibo.Hosting.StartupTasks.NewPassword();

        Assert.Equal(16, password.Length);
        Assert.Contains(password, char.IsUpper);
        Assert.Contains(password, char.IsLower);
        Assert.Contains(password, char.IsDigit);
    }
}
