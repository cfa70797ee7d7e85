namespace Chibo.Features.Shared;

public static class Nav
{
    /// <summary>"active" for the navigation link of the section the request is in.</summary>
    public static string? Active(HttpContext context, string prefix)
    {
        var path = context.Request.Path.Value ?? "/";
        var active = prefix == "/" ? path == "/" : path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        return active ? "active" : null;
    }
}
