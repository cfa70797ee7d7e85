using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Chibo.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Tests.Security;

/// <summary>
/// The web hardening as a browser meets it: headers, the sign-in cookie, antiforgery, lockout, the return
/// address, two-factor sign-in and the forced change of a generated password. Each test that changes an
/// account makes its own.
/// </summary>
public abstract partial class HardeningTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : DemoApp
{
    private const string Password = "ThuNghiem2024x";

    [Fact]
    public async Task SecurityHeaders_AreOnPages_ErrorPages_AndApiProblems()
    {
        using var visitor = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var secretary = await SignIn.AsAsync(app.Factory, "bithu");
        using var problem = new StringContent("{", System.Text.Encoding.UTF8, "application/json");
        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("sign-in page", await visitor.GetAsync(new Uri("/dang-nhap", UriKind.Relative))),
            ("redirect to sign-in", await visitor.GetAsync(new Uri("/nhan-su", UriKind.Relative))),
            ("unknown address", await visitor.GetAsync(new Uri("/khong-co-trang-nay", UriKind.Relative))),
            ("error page", await visitor.GetAsync(new Uri("/loi/500", UriKind.Relative))),
            ("home", await secretary.GetAsync(new Uri("/", UriKind.Relative))),
            ("case out of reach", await secretary.GetAsync(new Uri($"/ho-so/{Guid.NewGuid()}", UriKind.Relative))),
            ("api problem", await visitor.PostAsync(new Uri("/api/v1/dossiers/check", UriKind.Relative), problem)),
        };

        Assert.Equal(HttpStatusCode.NotFound, responses[2].Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, responses[5].Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, responses[6].Response.StatusCode);
        foreach (var (what, response) in responses)
        {
            var csp = Header(response, "Content-Security-Policy");
            Assert.True(csp.Contains("default-src 'self'", StringComparison.Ordinal), $"{what}: CSP {csp}");
            Assert.True(csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{what}: CSP {csp}");
            Assert.False(csp.Contains("unsafe-inline", StringComparison.Ordinal), $"{what}: CSP {csp}");
            Assert.False(csp.Contains("unsafe-eval", StringComparison.Ordinal), $"{what}: CSP {csp}");
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Contains(Header(response, "Referrer-Policy"), new[] { "same-origin", "no-referrer", "strict-origin-when-cross-origin", "strict-origin" });
            response.Dispose();
        }
    }

    [Fact]
    public async Task TheSignInCookie_IsHttpOnly_AndSameSiteLax()
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
        using var response = await PostAsync(client, "/dang-nhap", form, new() { ["UserName"] = "bithu", ["Password"] = Chibo.Seeding.DemoSeeder.DemoPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("chibo=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryToken_IsRefusedWith400_AndChangesNothing()
    {
        await using var db = app.Database.CreateContext();
        var target = await db.Cases.Where(c => c.Stage == Stage.Outstanding).OrderByDescending(c => c.Id).Select(c => new { c.Id, c.Version }).FirstAsync();
        var steps = await db.CaseSteps.CountAsync();
        var corrections = await db.CorrectionRequests.CountAsync();
        using var secretary = await SignIn.AsAsync(app.Factory, "bithu");
        using var student = await SignIn.AsAsync(app.Factory, "sinhvien");

        using var step = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["buoc"] = nameof(EventKind.SympathizerListed),
            ["Input.Version"] = target.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Date"] = "2024-03-05",
            ["Input.Acknowledged"] = "HELPER-MISSING",
        });
        using var recorded = await secretary.PostAsync(new Uri($"/ho-so/{target.Id}", UriKind.Relative), step);
        using var correction = new FormUrlEncodedContent(new Dictionary<string, string> { ["Correction"] = "Em xin sửa lại quê quán." });
        using var corrected = await student.PostAsync(new Uri("/cua-toi", UriKind.Relative), correction);

        Assert.Equal(HttpStatusCode.BadRequest, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, corrected.StatusCode);
        Assert.Equal(steps, await db.CaseSteps.CountAsync());
        Assert.Equal(corrections, await db.CorrectionRequests.CountAsync());
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_InVietnamese_AndTheRightOneIsRefusedWhileLocked()
    {
        var userName = await CreateUserAsync("khoa.thu");
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var answers = new List<string>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var form = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
            using var wrong = await PostAsync(client, "/dang-nhap", form, new() { ["UserName"] = userName, ["Password"] = "SaiMatKhau2024" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            answers.Add(await wrong.Content.ReadAsStringAsync());
        }

        var signInForm = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
        using var right = await PostAsync(client, "/dang-nhap", signInForm, new() { ["UserName"] = userName, ["Password"] = Password });

        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", answers[0]);
        Assert.Contains("Tài khoản tạm khóa vì nhập sai mật khẩu nhiều lần. Thử lại sau 15 phút.", answers[4]);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Tài khoản tạm khóa", await right.Content.ReadAsStringAsync());
        Assert.False(right.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("chibo=", StringComparison.Ordinal)));
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.True(RouteCatalogue.IsRedirectTo(home, "/dang-nhap"));
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/dang-nhap")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("http:evil.example")]
    [InlineData(" //evil.example")]
    public async Task AReturnUrlOffTheSite_IsNotFollowed(string returnUrl)
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var query = "/dang-nhap?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var form = await client.GetStringAsync(new Uri(query, UriKind.Relative));
        using var response = await PostAsync(client, query, form, new() { ["UserName"] = "dangvien", ["Password"] = Chibo.Seeding.DemoSeeder.DemoPassword, ["ReturnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.False(location.IsAbsoluteUri && location.Host != "localhost", $"followed to {location}");
        Assert.Equal("/", location.OriginalString);
    }

    [Fact]
    public async Task AReturnUrlOnTheSite_IsFollowed()
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync(new Uri("/dang-nhap?ReturnUrl=%2Fbang", UriKind.Relative));
        using var response = await PostAsync(client, "/dang-nhap?ReturnUrl=%2Fbang", form, new() { ["UserName"] = "bithu", ["Password"] = Chibo.Seeding.DemoSeeder.DemoPassword, ["ReturnUrl"] = "/bang" });

        Assert.Equal("/bang", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TwoFactor_EnabledWithACodeFromTheShownKey_IsAskedAtTheNextSignIn_RefusesAWrongCode_AndAcceptsTheRightOne()
    {
        var userName = await CreateUserAsync("hai.buoc");
        var key = await EnableTwoFactorAsync(userName);

        using var again = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var codePage = await PasswordStepAsync(again, userName);
        using (var notYet = await again.GetAsync(new Uri("/", UriKind.Relative)))
        {
            Assert.True(RouteCatalogue.IsRedirectTo(notYet, "/dang-nhap"), "signed in before the code: " + RouteCatalogue.Describe(notYet));
        }

        var right = Totp(key, DateTimeOffset.UtcNow);
        var wrongCode = ((int.Parse(right, System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
        using var wrong = await PostAsync(again, "/dang-nhap/ma-xac-thuc", codePage, new() { ["Code"] = wrongCode });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("Mã xác thực không đúng", wrongPage);
        using var accepted = await PostAsync(again, "/dang-nhap/ma-xac-thuc", wrongPage, new() { ["Code"] = Totp(key, DateTimeOffset.UtcNow) });
        Assert.True(RouteCatalogue.IsRedirectTo(accepted, "/"), RouteCatalogue.Describe(accepted));
        using var home = await again.GetAsync(new Uri("/tai-khoan", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        // The shared secret is kept among Identity's tokens, never copied into the audit log.
        await using var db = app.Database.CreateContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Changes != null && a.Changes.Contains(key)), "the authenticator key is in the audit log");
    }

    [Fact]
    public async Task AGeneratedPassword_SendsTheUserToChangeIt_FromEveryPage()
    {
        var userName = await CreateUserAsync("doi.matkhau", mustChangePassword: true);
        using var client = await SignIn.AsAsync(app.Factory, userName, Password);
        var routes = await RouteCatalogue.DiscoverAsync(app.Factory.Services);
        await using var db = app.Database.CreateContext();
        Guid[] ids = [await db.Cases.Select(c => c.Id).FirstAsync(), await db.People.Select(p => p.Id).FirstAsync()];
        var checkedPages = 0;
        foreach (var route in routes.Where(r => r.IsPage && r.Methods.Contains("GET")))
        {
            foreach (var url in RouteCatalogue.Fill(route, ids))
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                if (url.StartsWith("/tai-khoan/mat-khau", StringComparison.Ordinal))
                {
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }
                else if (!url.StartsWith("/loi/", StringComparison.Ordinal) && !url.StartsWith("/dang-xuat", StringComparison.Ordinal))
                {
                    Assert.True(RouteCatalogue.IsRedirectTo(response, "/tai-khoan/mat-khau"), $"{url}: {RouteCatalogue.Describe(response)}");
                    checkedPages++;
                }
            }
        }

        Assert.True(checkedPages >= 10, $"only {checkedPages} pages checked");
    }

    [Theory]
    [InlineData("/nhan-su?q=%22")]
    [InlineData("/nhan-su?q=%27%3B%20DROP%20TABLE%20%22People%22%3B%20--")]
    [InlineData("/nhan-su?q=a%3A*%20%26%20!b%20%7C%20(c")]
    [InlineData("/nhan-su?q=NEAR(nguyen%20van)%20OR%20*")]
    [InlineData("/nhan-su?q=-nguyen%20%5E%20%22%22%2A")]
    [InlineData("/nhan-su?q=%F0%9F%99%82%20%00%20%E2%80%8B")]
    [InlineData("/nhan-su?q=%25_%25&lop=%25&chi-doan=_&khoa=99999&nam-sinh=-1&trang=-5&sap-xep=%27")]
    [InlineData("/nhan-su?don-vi=00000000-0000-0000-0000-000000000000&trang=99999999999")]
    [InlineData("/bang?org=not-a-guid")]
    [InlineData("/bang/cam-tinh?Org=00000000-0000-0000-0000-000000000000")]
    [InlineData("/nguon/de-xuat?lop=00000000-0000-0000-0000-000000000000")]
    [InlineData("/ho-so/00000000-0000-0000-0000-000000000000?buoc=999")]
    [InlineData("/ho-so/not-a-guid")]
    public async Task HostileQueries_AreAnsweredWithoutAServerError(string url)
    {
        using var secretary = await SignIn.AsAsync(app.Factory, "bithu");

        using var response = await secretary.GetAsync(new Uri(url, UriKind.Relative));

        Assert.True((int)response.StatusCode < 500, $"{url}: {RouteCatalogue.Describe(response)}");
    }

    [Fact]
    public async Task AVeryLongSearch_IsAnsweredWithoutAServerError()
    {
        using var secretary = await SignIn.AsAsync(app.Factory, "bithu");

        using var response = await secretary.GetAsync(new Uri("/nhan-su?q=" + string.Join("+", Enumerable.Repeat("nguyen", 400)), UriKind.Relative));

        Assert.True((int)response.StatusCode < 500, RouteCatalogue.Describe(response));
    }

    [Fact]
    public async Task FiveWrongTwoFactorCodes_LockTheAccount_AndTheRightCodeIsThenRefused()
    {
        var userName = await CreateUserAsync("doan.ma");
        var key = await EnableTwoFactorAsync(userName);
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await PasswordStepAsync(client, userName);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var right = int.Parse(Totp(key, DateTimeOffset.UtcNow), System.Globalization.CultureInfo.InvariantCulture);
            var wrong = ((right + 123_457 + attempt) % 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
            using var refused = await PostAsync(client, "/dang-nhap/ma-xac-thuc", page, new() { ["Code"] = wrong });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            page = await refused.Content.ReadAsStringAsync();
        }

        using var locked = await PostAsync(client, "/dang-nhap/ma-xac-thuc", page, new() { ["Code"] = Totp(key, DateTimeOffset.UtcNow) });

        Assert.Contains("Tài khoản tạm khóa", page);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("Tài khoản tạm khóa", await locked.Content.ReadAsStringAsync());
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.True(RouteCatalogue.IsRedirectTo(home, "/dang-nhap"), RouteCatalogue.Describe(home));
    }

    /// <summary>Turns two-factor sign-in on through its page, with a code computed from the shown key; signs out.</summary>
    private async Task<string> EnableTwoFactorAsync(string userName)
    {
        using var client = await SignIn.AsAsync(app.Factory, userName, Password);
        var setup = await client.GetStringAsync(new Uri("/tai-khoan/xac-thuc-hai-buoc", UriKind.Relative));
        var key = SharedKey().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.NotEmpty(key);
        using var enabled = await PostAsync(client, "/tai-khoan/xac-thuc-hai-buoc", setup, new() { ["Code"] = Totp(key, DateTimeOffset.UtcNow) });
        Assert.Equal("/tai-khoan", enabled.Headers.Location?.OriginalString);
        var account = await client.GetStringAsync(new Uri("/tai-khoan", UriKind.Relative));
        using var signedOut = await PostAsync(client, "/dang-xuat", account, []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        return key;
    }

    /// <summary>Signs in with the password of a two-factor account; returns the code page it is sent to.</summary>
    private static async Task<string> PasswordStepAsync(HttpClient client, string userName)
    {
        var form = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
        using var password = await PostAsync(client, "/dang-nhap", form, new() { ["UserName"] = userName, ["Password"] = Password });
        Assert.True(RouteCatalogue.IsRedirectTo(password, "/dang-nhap/ma-xac-thuc"), RouteCatalogue.Describe(password));
        return await client.GetStringAsync(password.Headers.Location!);
    }

    /// <summary>RFC 6238 TOTP: HMAC-SHA1 over the 30-second step since the epoch, dynamic truncation, six digits.</summary>
    private static string Totp(string base32Key, DateTimeOffset now)
    {
        var key = Base32(base32Key);
        var step = now.ToUnixTimeSeconds() / 30;
        var counter = new byte[8];
        for (var i = 7; i >= 0; i--)
        {
            counter[i] = (byte)(step & 0xff);
            step >>= 8;
        }

#pragma warning disable CA5350 // RFC 6238's default algorithm, as authenticator apps use it.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : "";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string formPage, Dictionary<string, string> fields)
    {
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(formPage) };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>A cell committee member of the story cell with a password of this test's own.</summary>
    private async Task<string> CreateUserAsync(string prefix, bool mustChangePassword = false)
    {
        var userName = $"{prefix}.{Guid.NewGuid():N}"[..(prefix.Length + 9)];
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChiboUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cell = await db.Organisations.SingleAsync(o => o.Name == ScopeWorld.StoryCellName);
        var user = new ChiboUser { UserName = userName, DisplayName = "Tài khoản thử", MustChangePassword = mustChangePassword };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Code)));
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = Role.CellCommittee, OrganisationId = cell.Id });
        await db.SaveChangesAsync();
        return userName;
    }

    [GeneratedRegex("<code>([A-Z2-7 ]+)</code>")]
    private static partial Regex SharedKey();
}

public sealed class HardeningTestsOnSqlite(DemoAppOnSqlite app) : HardeningTests<DemoAppOnSqlite>(app);

public sealed class HardeningTestsOnPostgres(DemoAppOnPostgres app) : HardeningTests<DemoAppOnPostgres>(app);
