using System.Net;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Chibo.Hosting;

/// <summary>
/// Metrics in Prometheus text format at <see cref="Path"/>, through OpenTelemetry (docs/decisions/0016-metrics.md):
/// the request, connection and runtime meters that ASP.NET Core, Kestrel, .NET and Npgsql already publish.
/// Names and counts only: no address, no query, nothing personal. Served to loopback and to the networks in
/// <see cref="AllowedNetworksKey"/> only; anyone else gets 404.
/// </summary>
public static class Metrics
{
    public const string Path = "/metrics";
    public const string AllowedNetworksKey = "Chibo:Metrics:AllowedNetworks";

    public static IServiceCollection AddChiboMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("chibo")).WithMetrics(metrics => metrics
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Diagnostics", "System.Runtime", "Npgsql")
            .AddPrometheusExporter());
        return services;
    }

    public static void MapChiboMetrics(this WebApplication app)
    {
        var allowed = Networks(app.Configuration);
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch => branch.Use(async (context, next) =>
        {
            var from = context.Connection.RemoteIpAddress;
            if (from is null || !(IPAddress.IsLoopback(from) || allowed.Any(n => n.Contains(from.IsIPv4MappedToIPv6 ? from.MapToIPv4() : from))))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        }));
        app.MapPrometheusScrapingEndpoint(Path).AllowAnonymous();
    }

    /// <summary>The configured networks ("10.0.0.0/8, 192.168.1.5/32"); a wrong one is a setting error at start.</summary>
    private static IPNetwork[] Networks(IConfiguration configuration)
    {
        var text = configuration[AllowedNetworksKey] ?? "";
        var networks = new List<IPNetwork>();
        foreach (var item in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IPNetwork.TryParse(item, out var network))
            {
                throw new Data.SettingException(AllowedNetworksKey, $"'{item}' không phải một dải địa chỉ dạng 10.0.0.0/8");
            }

            networks.Add(network);
        }

        return [.. networks];
    }
}
