using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Chibo.Tests.Security;

/// <summary>A Razor page or an API endpoint as the running app routes it.</summary>
/// <param name="Template">The route with a leading slash, e.g. <c>/ho-so/{id:guid}</c>.</param>
/// <param name="Methods">HTTP methods: GET for a page, plus POST when it has a post handler.</param>
/// <param name="PostHandlers">Named post handlers of a page ("" for the unnamed one).</param>
/// <param name="QueryGuids">Query-string names a page binds on GET that may carry an organisation id.</param>
public sealed record AppRoute(
    string Template,
    bool IsPage,
    bool AllowsAnonymous,
    IReadOnlyList<string> Methods,
    IReadOnlyList<string> PostHandlers,
    IReadOnlyList<string> QueryGuids,
    RoutePattern Pattern);

/// <summary>Every page and API route of the running app, read from its <see cref="EndpointDataSource"/>.</summary>
public static class RouteCatalogue
{
    public static async Task<IReadOnlyList<AppRoute>> DiscoverAsync(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var loader = services.GetRequiredService<PageLoader>();
        var routes = new List<AppRoute>();
        foreach (var endpoint in endpoints)
        {
            var template = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>()
                    ?? await loader.LoadAsync(page, endpoint.Metadata);
                var handlers = compiled.HandlerMethods
                    .Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                    .Select(h => h.Name ?? "")
                    .Distinct()
                    .ToList();
                var hasGet = compiled.HandlerMethods.Count == 0
                    || compiled.HandlerMethods.Any(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase));
                List<string> methods = hasGet ? ["GET"] : [];
                if (handlers.Count > 0)
                {
                    methods.Add("POST");
                }

                anonymous |= compiled.EndpointMetadata.OfType<IAllowAnonymous>().Any()
                    || compiled.HandlerTypeInfo.GetCustomAttribute<AllowAnonymousAttribute>() is not null;
                routes.Add(new AppRoute(template, true, anonymous, methods, handlers, QueryGuidsOf(compiled.HandlerTypeInfo), endpoint.RoutePattern));
            }
            else if (template.StartsWith("/api/", StringComparison.Ordinal))
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                routes.Add(new AppRoute(template, false, anonymous, [.. methods], [], [], endpoint.RoutePattern));
            }
        }

        // A page routed by its folder and by "Index" shows up twice; one is enough.
        return [.. routes.GroupBy(r => r.Template, StringComparer.Ordinal).Select(g => g.First()).OrderBy(r => r.Template, StringComparer.Ordinal)];
    }

    /// <summary>The concrete addresses of a route: each route value filled with each of <paramref name="guids"/>.</summary>
    public static IEnumerable<string> Fill(AppRoute route, IReadOnlyList<Guid> guids)
    {
        IEnumerable<string> paths = [route.Template];
        foreach (var parameter in route.Pattern.Parameters)
        {
            var token = route.Template[route.Template.IndexOf("{" + parameter.Name, StringComparison.Ordinal)..];
            token = token[..(token.IndexOf('}', StringComparison.Ordinal) + 1)];
            var isInt = parameter.ParameterPolicies.Any(p => p.Content == "int");
            IReadOnlyList<string> values = isInt ? ["403", "404", "500"] : [.. guids.Select(g => g.ToString())];
            paths = paths.SelectMany(p => values.Select(v => p.Replace(token, v, StringComparison.Ordinal))).ToList();
        }

        return paths;
    }

    /// <summary>Properties bound from the query string on GET whose type can hold an id: filled with organisation ids.</summary>
    private static List<string> QueryGuidsOf(TypeInfo model) =>
        [.. model.GetProperties()
            .Select(p => (Property: p, Bind: p.GetCustomAttribute<BindPropertyAttribute>()))
            .Where(x => x.Bind is { SupportsGet: true }
                && (x.Property.PropertyType == typeof(Guid) || x.Property.PropertyType == typeof(Guid?) || x.Property.PropertyType == typeof(string)))
            .Select(x => x.Bind!.Name ?? x.Property.Name)
            .Where(name => !string.Equals(name, "ReturnUrl", StringComparison.OrdinalIgnoreCase) && name != "q")];

    /// <summary>A path with the given query parameters set.</summary>
    public static string WithQuery(string path, IEnumerable<string> names, string value) =>
        path + "?" + string.Join("&", names.Select(n => $"{Uri.EscapeDataString(n)}={Uri.EscapeDataString(value)}"));

    /// <summary>True for a page or API that needs no account.</summary>
    public static bool IsPublic(AppRoute route) => route.AllowsAnonymous;

    public static bool IsRedirectTo(HttpResponseMessage response, string path) =>
        (int)response.StatusCode is 301 or 302 or 303 or 307 or 308
        && response.Headers.Location is { } location
        && (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]) == path;

    /// <summary>Refusal as the app gives it: 403, 404, or the redirect to the access-denied page.</summary>
    public static bool IsRefusal(HttpResponseMessage response) =>
        response.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound
        || IsRedirectTo(response, "/loi/403");

    public static string Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}{(response.Headers.Location is { } l ? " → " + l : "")}";

    internal static bool IsServerError(HttpResponseMessage response) => (int)response.StatusCode >= StatusCodes.Status500InternalServerError;
}
