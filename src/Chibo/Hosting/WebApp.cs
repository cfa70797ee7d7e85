using System.Text.Encodings.Web;
using System.Text.Unicode;
using Chibo.Access;
using Chibo.Data.Entities;
using Chibo.Data;
using Chibo.Features.Cases;
using Chibo.Features.Dossiers;
using Chibo.Features.Portal;
using Chibo.Features.Exports;
using Chibo.Features.Oversight;
using Chibo.Http;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.WebEncoders;

namespace Chibo.Hosting;

/// <summary>Builds the web application: the one place where services and endpoints are wired.</summary>
public static class WebApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    private const string ReadyTag = "ready";

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
        builder.Services.AddHostedService<Features.Reminders.ReminderService>();
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: [ReadyTag]);
        builder.Services.AddChiboMetrics();
        builder.Services.AddExceptionHandler<DatabaseFaults>();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(ConfigureCookie);
        builder.Services.AddAuthorization();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Chibo API";
            document.Info.Description = "Thẩm định hồ sơ kết nạp và số liệu tổng quan của tổ chức đảng.";
            return Task.CompletedTask;
        }));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        // Vietnamese letters are written as they are, not as &#x...; entities.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<CaseFiles>();
        builder.Services.AddScoped<RecordStep>();
        builder.Services.AddScoped<OpenCase>();
        builder.Services.AddScoped<VoidStep>();
        builder.Services.AddScoped<LocalPolicies>();
        builder.Services.AddScoped<Features.Dossiers.DossierTransfer>();
        builder.Services.AddScoped<Features.Meetings.CreateMeeting>();
        builder.Services.AddScoped<Features.Meetings.EditMeeting>();
        builder.Services.AddScoped<Features.Meetings.FollowUpTask>();
        builder.Services.AddScoped<Features.Meetings.AttachMember>();
        builder.Services.AddScoped<Features.Meetings.ScoreMeeting>();
        builder.Services.AddScoped<Features.Meetings.ScoreSheets>();
        builder.Services.AddScoped<Features.Meetings.RecordVote>();
        builder.Services.AddScoped<Features.Meetings.MeetingMinutes>();
        builder.Services.AddScoped<Features.Training.TrainingFiles>();
        builder.Services.AddScoped<Features.Training.TrainingLists>();
        builder.Services.AddScoped<Features.Training.CreateClass>();
        builder.Services.AddScoped<Features.Training.EditClass>();
        builder.Services.AddScoped<Features.Training.Enrol>();
        builder.Services.AddScoped<Features.Training.IssueCertificates>();
        builder.Services.AddScoped<Features.Forms.NumberRegister>();
        builder.Services.AddScoped<Features.Forms.CaseForms>();
        builder.Services.AddScoped<Features.News.ArticleDesk>();
        builder.Services.AddScoped<Features.News.MeetingDraft>();
        // The portal, the dashboards and the reports read through ReadReplica: a replica when one is configured.
        builder.Services.AddScoped(sp => ActivatorUtilities.CreateInstance<Features.Portal.PortalQueries>(sp, sp.GetRequiredService<ReadReplica>().Db));
        builder.Services.AddSingleton<Features.Portal.PortalCache>();
        builder.Services.AddMemoryCache();
        builder.Services.AddOutputCache(Features.Portal.PortalCache.Configure);
        builder.Services.AddScoped<Features.Imports.SheetImport>();
        builder.Services.AddScoped<Features.Imports.ImportUploads>();
        builder.Services.AddScoped<Features.Exports.ListExports>();
        builder.Services.AddScoped(sp => ActivatorUtilities.CreateInstance<Features.Oversight.Figures>(sp, sp.GetRequiredService<ReadReplica>().Db));
        builder.Services.AddScoped<Features.Oversight.SetTargets>();
        builder.Services.AddScoped(sp => ActivatorUtilities.CreateInstance<Features.Oversight.OversightReport>(sp, sp.GetRequiredService<ReadReplica>().Db));
        builder.Services.AddScoped<Features.Reminders.Notifications>();
        builder.Services.AddScoped<Features.Inspection.Inspections>();
        builder.Services.AddScoped<Features.Setup.SetupOrganisation>();
        builder.Services.AddScoped<Features.Setup.SourceProposal>();
        builder.Services.AddScoped<Features.Setup.RemoveOrganisation>();
        builder.Services.AddScoped<Features.Invitations.Invitations>();
        builder.Services.AddScoped<Features.Home.NextSteps>();
        builder.Services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            options.Conventions.AuthorizeFolder("/");
            // The public portal: readable by anyone; its writing desk (/Features/News) stays behind sign-in.
            options.Conventions.AllowAnonymousToFolder("/Portal");
        }).AddMvcOptions(options => options.Filters.Add(new UploadsReadFirst()));

        var app = builder.Build();
        app.UseWhen(IsApi, api => api.UseExceptionHandler());
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler("/loi/500");
            pages.UseStatusCodePagesWithReExecute("/loi/{0}");
        });
        // Behind the TLS proxy of a deployment: the scheme and client address it forwards (trusted from loopback only
        // unless ForwardedHeaders options say otherwise), so cookies are Secure and HSTS applies.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseRequestLocalization("vi-VN");
        // Routing after the error handlers, so a re-executed error page is routed afresh.
        app.UseRouting();
        app.UseAuthentication();
        app.Use(LoadCurrentUserAsync);
        app.UseAuthorization();
        // After authentication: the default policy serves and stores only anonymous requests.
        app.UseOutputCache();
        Features.Imports.ImportUploads.UseUploadLimit(app);

        app.MapStaticAssets();
        // Liveness: the process answers (restart it when not). Readiness and /health: it can reach the database too.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapHealthChecks("/health");
        app.MapChiboMetrics();
        app.MapRazorPages();
        app.MapPortal();
        app.MapExports();
        // A pure appraisal of the posted file: nothing is stored or logged, so it needs no account.
        app.MapDossiersApi().AllowAnonymous();
        // Scoped as the dashboard page; the handler answers 401/403/404 itself, as ProblemDetails.
        app.MapFiguresApi().AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "chibo";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        // Secure whenever the request came over HTTPS (always, behind the TLS proxy of a real deployment).
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.LoginPath = "/dang-nhap";
        options.LogoutPath = "/dang-xuat";
        options.AccessDeniedPath = "/loi/403";
        options.Events.OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden);
    }

    /// <summary>APIs answer with a status code; pages are sent to the sign-in page.</summary>
    private static Task ApiStatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.HttpContext))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>Loads the signed-in user's grants once per request; a generated password must be changed first.</summary>
    private static async Task LoadCurrentUserAsync(HttpContext context, RequestDelegate next)
    {
        // An anonymous request has no grants to load: it skips the database (and the public portal's cached
        // pages stay cheap to serve).
        if (context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        var me = context.RequestServices.GetRequiredService<CurrentUser>();
        await me.LoadAsync(context.RequestAborted);
        if (!me.IsSignedIn)
        {
            // The cookie names an account that no longer exists: end the session instead of failing later.
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            context.Response.Redirect("/dang-nhap");
            return;
        }

        var path = context.Request.Path;
        if (me.MustChangePassword && !IsApi(context) && !path.StartsWithSegments("/tai-khoan/mat-khau")
            && !path.StartsWithSegments("/dang-xuat") && !path.StartsWithSegments("/loi"))
        {
            context.Response.Redirect("/tai-khoan/mat-khau");
            return;
        }

        await next(context);
    }

    /// <summary>Services shared by the web app and the command-line verbs that touch the database.</summary>
    public static IServiceCollection AddChiboCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ChiboClock>();
        services.AddOptions<Features.Reminders.ReminderOptions>().BindConfiguration(Features.Reminders.ReminderOptions.Section);
        services.AddOptions<Features.Reminders.SmtpOptions>().BindConfiguration(Features.Reminders.SmtpOptions.Section);
        services.AddScoped<Features.Inspection.CaseAppraisals>();
        services.AddScoped<Features.Cases.CaseDigests>();
        services.AddScoped<Features.Reminders.ReminderMailer>();
        services.AddScoped<Features.Reminders.SendReminders>();
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
