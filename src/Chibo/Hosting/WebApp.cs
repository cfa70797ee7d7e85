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

        // Request-by-request logs carry addresses with ids and search words: off unless asked for.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        // A start that fails on a setting is reported in one line by the command line; the host's own
        // report would repeat it with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        // First of the hosted services: the data folder and the schema must exist before any other starts.
        builder.Services.AddHostedService<StartupTasks>();
        builder.Services.AddChiboCore();
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
