using System.Net;
using Chibo.Data;
using Chibo.Hosting;
using Chibo.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Chibo.Tests.Hosting;

/// <summary>
/// /metrics answers loopback and the configured networks only. The requests are built on the test server with the
/// client address a real connection would have, and with the X-Forwarded-For header a proxy (or an impostor) sends.
/// </summary>
public class MetricsTests
{
    private const string Outside = "203.0.113.7";

    [Fact]
    public async Task Metrics_FromLoopback_AreServed_FromOutside_AreNotFound()
    {
        await using var factory = await ChiboFactory.StartAsync(DatabaseProvider.Sqlite);

        var local = await GetMetricsAsync(factory.Server, "127.0.0.1");
        var outside = await GetMetricsAsync(factory.Server, Outside);

        Assert.Equal(StatusCodes.Status200OK, local.Status);
        Assert.Contains("# TYPE", local.Body);
        Assert.Equal(StatusCodes.Status404NotFound, outside.Status);
        Assert.DoesNotContain("# TYPE", outside.Body);
    }

    [Fact]
    public async Task Metrics_AskedFromOutside_ThroughTheLocalProxy_OrClaimingLoopbackInAHeader_AreNotFound()
    {
        await using var factory = await ChiboFactory.StartAsync(DatabaseProvider.Sqlite);

        // The proxy on the same machine forwards a visitor from outside: the visitor is who asks.
        var throughProxy = await GetMetricsAsync(factory.Server, "127.0.0.1", forwardedFor: Outside);
        // A visitor from outside claims to be loopback: the header is trusted from loopback proxies only.
        var impostor = await GetMetricsAsync(factory.Server, Outside, forwardedFor: "127.0.0.1");

        Assert.Equal(StatusCodes.Status404NotFound, throughProxy.Status);
        Assert.Equal(StatusCodes.Status404NotFound, impostor.Status);
    }

    [Fact]
    public async Task Metrics_FromAnAllowedNetwork_AreServed_FromTheNextOne_AreNotFound()
    {
        await using var factory = await ChiboFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            [Metrics.AllowedNetworksKey] = "10.0.0.0/8",
        });

        var allowed = await GetMetricsAsync(factory.Server, "10.20.30.40");
        var next = await GetMetricsAsync(factory.Server, "11.0.0.1");

        Assert.Equal(StatusCodes.Status200OK, allowed.Status);
        Assert.Equal(StatusCodes.Status404NotFound, next.Status);
    }

    private static async Task<(int Status, string Body)> GetMetricsAsync(TestServer server, string from, string? forwardedFor = null)
    {
        var context = await server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = Metrics.Path;
            context.Connection.RemoteIpAddress = IPAddress.Parse(from);
            if (forwardedFor is not null)
            {
                context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, await reader.ReadToEndAsync());
    }
}
