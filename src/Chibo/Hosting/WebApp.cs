using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Chibo.Hosting;

/// <summary>Builds the web application: the one place where services and endpoints are wired.</summary>
public static class WebApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] configurationArgs)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = configurationArgs });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.Services.AddChiboCore();
        builder.Services.AddHostedService<StartupTasks>();
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.AddAuthorization();
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health");
        app.MapGet("/", () => Results.Text("Chibo đang chạy.", "text/plain; charset=utf-8"));
        return app;
    }

    /// <summary>Services shared by the web app and the command-line verbs that touch the database.</summary>
    public static IServiceCollection AddChiboCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddChiboDatabase();
        services.AddDataProtection().SetApplicationName("Chibo").PersistKeysToDbContext<AppDbContext>();
        services.AddIdentityCore<ChiboUser>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = false;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();
        return services;
    }
}
