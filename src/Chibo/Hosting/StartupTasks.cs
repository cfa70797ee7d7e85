using System.Security.Cryptography;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Hosting;

/// <summary>
/// Runs before the server takes requests: checks the data folder, migrates, then either loads the
/// demo (when asked and the database is empty) or creates the first administrator.
/// </summary>
internal sealed class StartupTasks(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public const string DemoKey = "Demo";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            settings.EnsureDataDirectory();
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            await DatabaseSetup.MigrateAsync(db, cancellationToken);
        }
        catch (Exception ex) when (DatabaseSetup.IsConnectionFailure(ex))
        {
            throw DatabaseSetup.Explain(ex, settings);
        }

        if (configuration.GetValue<bool>(DemoKey))
        {
            if (!await db.Organisations.AnyAsync(cancellationToken))
            {
                await DemoSeeder.SeedAsync(scope.ServiceProvider, DemoOptions.Default, Console.Error, cancellationToken);
            }

            PrintDemoAccounts(configuration);
        }
        else if (!await db.Users.AnyAsync(cancellationToken))
        {
            await CreateFirstAdministratorAsync(scope.ServiceProvider);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void PrintDemoAccounts(IConfiguration configuration)
    {
        Console.WriteLine($"Chibo (dữ liệu mẫu) đang chạy tại {Address(configuration)}");
        Console.WriteLine($"Tài khoản mẫu (mật khẩu chung: {DemoSeeder.DemoPassword}):");
        foreach (var account in DemoSeeder.Accounts)
        {
            Console.WriteLine($"  {account.UserName,-12} {account.Description}");
        }
    }

    private static async Task CreateFirstAdministratorAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<ChiboUser>>();
        var db = services.GetRequiredService<AppDbContext>();
        var password = NewPassword();
        var admin = new ChiboUser { UserName = "admin", DisplayName = "Quản trị hệ thống", MustChangePassword = true };
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(admin, password);
        }
        catch (DbUpdateException)
        {
            // Several instances started at once on an empty database: another one created the administrator.
            if (await db.Users.AsNoTracking().AnyAsync(u => u.UserName == "admin"))
            {
                return;
            }

            throw;
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        db.RoleAssignments.Add(new RoleAssignment { UserId = admin.Id, Role = Role.Administrator });
        await db.SaveChangesAsync();
        Console.WriteLine("Đã tạo tài khoản quản trị đầu tiên.");
        Console.WriteLine($"  Tên đăng nhập: admin   Mật khẩu: {password}");
        Console.WriteLine("  Mật khẩu này chỉ hiện một lần: hãy đăng nhập và đổi ngay.");
    }

    private static string Address(IConfiguration configuration) =>
        (configuration["urls"] ?? WebApp.DefaultUrl).Split(';')[0];

    /// <summary>A random password that meets the password rules (letters of both cases and digits).</summary>
    internal static string NewPassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 16);
        // Guarantee one of each class the rules ask for.
        chars[0] = RandomNumberGenerator.GetItems<char>("ABCDEFGHJKLMNPQRSTUVWXYZ", 1)[0];
        chars[1] = RandomNumberGenerator.GetItems<char>("abcdefghijkmnopqrstuvwxyz", 1)[0];
        chars[2] = RandomNumberGenerator.GetItems<char>("23456789", 1)[0];
        return new string(chars);
    }
}
