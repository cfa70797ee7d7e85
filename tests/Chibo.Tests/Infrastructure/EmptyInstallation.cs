using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Chibo.Tests.Infrastructure;

/// <summary>
/// The app on a fresh installation, as a new cell gets it: no demo, no organisation, only the first administrator.
/// The password printed once at the first start is replaced by a known one (and already changed), so tests can
/// sign in; each test starts its own, because the setup is one per installation.
/// </summary>
public sealed class EmptyInstallation : IAsyncDisposable
{
    public const string AdminPassword = "Thietlap2024moi";

    private EmptyInstallation(ChiboFactory factory) => Factory = factory;

    public ChiboFactory Factory { get; }

    public TestDatabase Database => Factory.Database;

    public static async Task<EmptyInstallation> StartAsync(DatabaseProvider provider)
    {
        var factory = await ChiboFactory.StartAsync(provider);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChiboUser>>();
        var admin = await users.FindByNameAsync("admin") ?? throw new InvalidOperationException("A fresh installation has no admin.");
        await users.RemovePasswordAsync(admin);
        await users.AddPasswordAsync(admin, AdminPassword);
        admin.MustChangePassword = false;
        await users.UpdateAsync(admin);
        return new EmptyInstallation(factory);
    }

    public Task<HttpClient> SignInAsAdminAsync() => SignIn.AsAsync(Factory, "admin", AdminPassword);

    /// <summary>Runs <paramref name="work"/> with the app's services in a scope of its own (as the command line would, without a user).</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
