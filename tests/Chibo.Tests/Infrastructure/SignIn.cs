using System.Net;
using System.Text.RegularExpressions;
using Chibo.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chibo.Tests.Infrastructure;

/// <summary>Signs in through the real sign-in form, antiforgery token and all, as a user would.</summary>
public static partial class SignIn
{
    /// <summary>
    /// A client holding the sign-in cookie of <paramref name="userName"/>. Redirects are not followed, so a
    /// test sees the status a page answers with.
    /// </summary>
    public static async Task<HttpClient> AsAsync(WebApplicationFactory<Program> factory, string userName, string password = DemoSeeder.DemoPassword)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        });
        using var response = await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"Signing in as {userName} answered {(int)response.StatusCode}, not a redirect.");
        }

        return client;
    }

    /// <summary>The antiforgery token of the first form in <paramref name="html"/>.</summary>
    public static string AntiforgeryToken(string html)
    {
        var input = TokenInput().Match(html);
        var value = input.Success ? ValueAttribute().Match(input.Value) : Match.Empty;
        return value.Success
            ? WebUtility.HtmlDecode(value.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");
    }

    /// <summary>The record version the page's first edit form carries (the <c>IVersioned</c> check); null when it has none.</summary>
    public static string? VersionOf(string html) => VersionInput().Match(html) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex VersionInput();

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex TokenInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
