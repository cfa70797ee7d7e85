using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Chibo.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Chibo.Tests.Security;

/// <summary>
/// The walk: every page and API route the running app has, requested by every demo role, by a cell secretary
/// of the other school and anonymously. Nobody sees personal data of a school they hold no role in; objects out
/// of scope are refused; nobody without the right role changes anything by posting a form; nothing personal is logged.
/// </summary>
public abstract class ScopeWalkTests<TApp>(TApp app, ITestOutputHelper output) : IClassFixture<TApp>
    where TApp : DemoApp
{
    /// <summary>Account and error pages act on the poster's own account only; they are covered by the hardening tests.</summary>
    private static readonly string[] OwnAccountPrefixes = ["/dang-xuat", "/dang-nhap", "/tai-khoan", "/loi"];

    [Fact]
    public async Task EveryRoute_AsEveryUser_ShowsNothingOutsideTheirScope_RefusesOutOfScopeObjects_AndLogsNoPersonalData()
    {
        var clock = Stopwatch.StartNew();
        var world = await ScopeWorld.LoadAsync(app);
        using var logs = new LogCapture();
        await using var factory = app.Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var routes = await RouteCatalogue.DiscoverAsync(factory.Services);
        Assert.Contains(routes, r => r.Template == "/ho-so/{id:guid}");
        Assert.Contains(routes, r => r.Template == "/nhan-su/{id:guid}");
        Assert.Contains(routes, r => r.Template == "/api/v1/dossiers/check");

        var failures = new List<string>();
        var requests = 0;
        var addresses = Addresses(world, routes).ToList();
        foreach (var user in world.Users.Cast<string?>().Append(null))
        {
            using var client = user is null
                ? factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
                : await SignIn.AsAsync(factory, user);
            foreach (var (route, url, objectSchool) in addresses)
            {
                foreach (var method in route.Methods.Where(m => route.IsPage ? m == "GET" : true))
                {
                    using var response = await SendAsync(client, method, url);
                    requests++;
                    var body = await response.Content.ReadAsStringAsync();
                    var who = user ?? "anonymous";
                    var what = $"{who} {method} {url}: {RouteCatalogue.Describe(response)}";
                    if (RouteCatalogue.IsServerError(response))
                    {
                        failures.Add($"{what} — server error");
                    }

                    failures.AddRange(world.LeaksIn(body, user).Select(leak => $"{what} — shows {leak}"));
                    if (user is null && !route.AllowsAnonymous)
                    {
                        var expected = route.IsPage ? RouteCatalogue.IsRedirectTo(response, "/dang-nhap") : response.StatusCode == HttpStatusCode.Unauthorized;
                        if (!expected)
                        {
                            failures.Add($"{what} — anonymous not {(route.IsPage ? "sent to /dang-nhap" : "401")}");
                        }
                    }

                    if (user is not null && objectSchool is not null && !world.Reaches(user, objectSchool) && !RouteCatalogue.IsRefusal(response))
                    {
                        failures.Add($"{what} — an object of the {objectSchool.Label} school is not refused");
                    }
                }
            }
        }

        // The needles are live: an administrator does see the other school's person, and a story user would be told.
        using (var admin = await SignIn.AsAsync(factory, "admin"))
        {
            var page = await admin.GetStringAsync(new Uri($"/nhan-su/{world.Other.FreePerson}", UriKind.Relative));
            Assert.Contains(world.Other.FreePersonName, page);
            Assert.NotEmpty(world.LeaksIn(page, "bithu"));
            var everyone = await admin.GetStringAsync(new Uri($"/nhan-su?don-vi={world.Story.School.Id}", UriKind.Relative));
            Assert.NotEmpty(world.LeaksIn(everyone, "gvcn"));
            Assert.Contains("gvcn", world.Narrow);
            Assert.DoesNotContain("doantruong", world.Narrow);
        }

        var logged = world.LeaksIn(logs.Text, null);
        output.WriteLine($"{routes.Count} routes ({routes.Count(r => r.IsPage)} pages, {routes.Count(r => !r.IsPage)} APIs), {addresses.Count} addresses, {world.Users.Count() + 1} users, {requests} requests, {logs.Lines.Count} log lines, {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join('\n', failures.Take(60)));
        Assert.True(logged.Count == 0, "Personal data in the log: " + string.Join(", ", logged.Take(20)));
    }

    [Fact]
    public async Task EveryFormHandler_PostedByAUserWithoutTheRightRole_ChangesNothing_WhileTheSameFormWorksForTheRightRole()
    {
        var clock = Stopwatch.StartNew();
        var world = await ScopeWorld.LoadAsync(app);
        using var logs = new LogCapture();
        await using var factory = app.Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var routes = await RouteCatalogue.DiscoverAsync(factory.Services);
        var forms = Addresses(world, routes)
            .Where(a => a.Route.PostHandlers.Count > 0 && !OwnAccountPrefixes.Any(p => a.Route.Template.StartsWith(p, StringComparison.Ordinal)))
            .ToList();
        Assert.Contains(forms, f => f.Route.Template == "/ho-so/{id:guid}");

        var failures = new List<string>();
        var clients = new Dictionary<string, HttpClient>();
        var posts = 0;
        try
        {
            foreach (var (route, url, school) in forms)
            {
                foreach (var handler in route.PostHandlers)
                {
                    foreach (var user in PostersWithoutTheRight(world, route, school ?? world.Story))
                    {
                        var client = await ClientAsync(factory, clients, user);
                        var before = await CountsAsync();
                        using var response = await PostFormAsync(client, route, Handler(url, handler), school ?? world.Story);
                        posts++;
                        var after = await CountsAsync();
                        var what = $"{user ?? "anonymous"} POST {Handler(url, handler)}: {RouteCatalogue.Describe(response)}";
                        if (before != after)
                        {
                            failures.Add($"{what} — changed the database {before} → {after}");
                        }

                        if (RouteCatalogue.IsServerError(response))
                        {
                            failures.Add($"{what} — server error");
                        }

                        failures.AddRange(world.LeaksIn(await response.Content.ReadAsStringAsync(), user).Select(l => $"{what} — shows {l}"));
                    }
                }
            }

            // The forms are real: posted by the right role, the very same fields do change the database.
            var caseFile = routes.Single(r => r.Template == "/ho-so/{id:guid}");
            var secretary = await ClientAsync(factory, clients, "bithu");
            var stepsBefore = await CountsAsync();
            using (var recorded = await PostFormAsync(secretary, caseFile, $"/ho-so/{world.Story.OutstandingCase}", world.Story))
            {
                Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
            }

            Assert.Equal(stepsBefore.Steps + 1, (await CountsAsync()).Steps);
            if (routes.SingleOrDefault(r => r.Template == "/nguon/de-xuat") is { } propose)
            {
                var casesBefore = await CountsAsync();
                using var proposed = await PostFormAsync(secretary, propose, $"/nguon/de-xuat?lop={world.Story.Class.Id}", world.Story);
                Assert.True(proposed.StatusCode == HttpStatusCode.Redirect, await proposed.Content.ReadAsStringAsync());
                Assert.Equal(casesBefore.Cases + 1, (await CountsAsync()).Cases);
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }

        output.WriteLine($"{forms.Count} form addresses, {posts} refused posts, {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join('\n', failures.Take(60)));
        var logged = world.LeaksIn(logs.Text, null);
        Assert.True(logged.Count == 0, "Personal data in the log: " + string.Join(", ", logged.Take(20)));
    }

    [Fact]
    public async Task TheNationalId_IsMaskedInThePeopleList_ForEveryRole()
    {
        var world = await ScopeWorld.LoadAsync(app);
        await using var db = app.Database.CreateContext();
        var numbers = (await db.People.Where(p => p.NationalId != null).Select(p => p.NationalId!).ToListAsync()).ToHashSet();
        var listed = 0;
        foreach (var user in world.Users)
        {
            using var client = await SignIn.AsAsync(app.Factory, user);
            foreach (var url in new[] { "/nhan-su", "/nhan-su?q=" + Uri.EscapeDataString(world.Story.FreePersonName), "/nhan-su?q=" + Uri.EscapeDataString(world.Other.FreePersonName), "/nhan-su?sap-xep=ngay-sinh&thu-tu=giam&trang=2" })
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Assert.True(RouteCatalogue.IsRefusal(response), $"{user} {url}: {RouteCatalogue.Describe(response)}");
                    continue;
                }

                listed++;
                var full = ScopeWorld.DigitsIn(body).Where(numbers.Contains).ToList();
                Assert.True(full.Count == 0, $"{user} {url} shows full national IDs: {string.Join(", ", full.Take(5))}");
            }
        }

        // The list does show them, masked: the story person's first and last three digits around the stars.
        using var secretary = await SignIn.AsAsync(app.Factory, "bithu");
        var page = await secretary.GetStringAsync(new Uri("/nhan-su?q=" + Uri.EscapeDataString(world.Story.FreePersonName), UriKind.Relative));
        var id = world.Story.FreePersonNationalId;
        Assert.Contains(id[..3] + new string('*', id.Length - 6) + id[^3..], page);
        Assert.True(listed >= 4, "too few roles could open the list");
    }

    [Fact]
    public async Task OnAPersonsFile_TheFullNationalId_IsShownOnlyToTheCellCommitteeStudentAffairsAndAbove()
    {
        var world = await ScopeWorld.LoadAsync(app);
        var id = world.Story.FreePersonNationalId;
        var masked = id[..3] + new string('*', id.Length - 6) + id[^3..];
        string[] fullReaders = ["admin", "bantochuc", "bithu", "chiuy", "ctsv"];
        string[] maskedReaders = ["doantruong", "chidoan", "gvcn"];
        foreach (var user in world.Users)
        {
            using var client = await SignIn.AsAsync(app.Factory, user);
            using var response = await client.GetAsync(new Uri($"/nhan-su/{world.Story.FreePerson}", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            if (fullReaders.Contains(user))
            {
                Assert.True(body.Contains(id, StringComparison.Ordinal), $"{user} should read the full ID: {RouteCatalogue.Describe(response)}");
            }
            else if (maskedReaders.Contains(user))
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK && body.Contains(masked, StringComparison.Ordinal), $"{user}: {RouteCatalogue.Describe(response)}");
                Assert.DoesNotContain(id, body, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(RouteCatalogue.IsRefusal(response), $"{user}: {RouteCatalogue.Describe(response)}");
                Assert.DoesNotContain(id[3..^3], body, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("gvcn")]
    [InlineData("chidoan")]
    public async Task AClassLevelOfficer_CannotProposeAStudentOfAnotherClass(string user)
    {
        var world = await ScopeWorld.LoadAsync(app);
        await using var db = app.Database.CreateContext();
        var student = await db.People
            .Where(p => p.Organisation!.Kind == Chibo.Data.Entities.OrganisationKind.SchoolClass && p.Organisation.Path.StartsWith(world.Story.Cell.Path)
                && p.OrganisationId != world.Story.Class.Id && p.DateOfBirth != null && !db.Cases.Any(c => c.PersonId == p.Id))
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.OrganisationId })
            .FirstAsync();
        using var client = await SignIn.AsAsync(app.Factory, user);
        var token = await TokenAsync(client);
        var before = await CountsAsync();

        using var viaList = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Date", "2024-03-05"), new("Chosen", student.Id.ToString()), new("lop", student.OrganisationId.ToString()!)]);
        using var listed = await client.PostAsync(new Uri($"/nguon/de-xuat?lop={student.OrganisationId}", UriKind.Relative), viaList);
        using var viaFile = new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", token)]);
        using var proposed = await client.PostAsync(new Uri($"/nhan-su/{student.Id}?handler=Propose", UriKind.Relative), viaFile);

        Assert.False(RouteCatalogue.IsServerError(listed) || RouteCatalogue.IsServerError(proposed));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ARoleOtherThanAdministrator_HeldOverNoOrganisation_ReachesNothing()
    {
        var world = await ScopeWorld.LoadAsync(app);
        var userName = $"khong.donvi.{Guid.NewGuid():N}"[..20];
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Chibo.Data.Entities.ChiboUser>>();
            var user = new Chibo.Data.Entities.ChiboUser { UserName = userName, DisplayName = "Chi ủy viên chưa gán đơn vị" };
            Assert.True((await users.CreateAsync(user, Chibo.Seeding.DemoSeeder.DemoPassword)).Succeeded);
            var db = scope.ServiceProvider.GetRequiredService<Chibo.Data.AppDbContext>();
            // Only an administrator may hold a role over no organisation; a slip in the data must fail closed.
            db.RoleAssignments.Add(new Chibo.Data.Entities.RoleAssignment { UserId = user.Id, Role = Chibo.Data.Entities.Role.CellCommittee, OrganisationId = null });
            await db.SaveChangesAsync();
        }

        using var client = await SignIn.AsAsync(app.Factory, userName);
        foreach (var url in new[] { $"/nhan-su/{world.Other.FreePerson}", $"/nhan-su/{world.Story.FreePerson}", $"/ho-so/{world.Other.OutstandingCase}", $"/ho-so/{world.Story.OutstandingCase}" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(RouteCatalogue.IsRefusal(response), $"{url}: {RouteCatalogue.Describe(response)}");
        }

        foreach (var url in new[] { "/nhan-su", "/bang" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.Empty(world.LeaksIn(body, null));
        }
    }

    /// <summary>Every concrete address of every route, with the school whose object it names (null when none).</summary>
    private static IEnumerable<(AppRoute Route, string Url, SchoolData? School)> Addresses(ScopeWorld world, IReadOnlyList<AppRoute> routes)
    {
        var objects = world.Schools.SelectMany(s => new[] { (Id: s.OutstandingCase, School: s), (Id: s.FreePerson, School: s) }).ToList();
        var organisations = world.Schools.SelectMany(s => new[] { (s.Cell.Id, School: s), (s.School.Id, School: s), (s.Class.Id, School: s) }).ToList();
        foreach (var route in routes)
        {
            foreach (var path in RouteCatalogue.Fill(route, [.. objects.Select(o => o.Id)]))
            {
                var named = objects.Where(o => path.Contains(o.Id.ToString(), StringComparison.Ordinal)).Select(o => o.School).FirstOrDefault();
                yield return (route, path, named);
                if (route.QueryGuids.Count > 0 && named is null)
                {
                    foreach (var (id, school) in organisations)
                    {
                        // The query names an organisation; a page may ignore one out of scope, but must not show its people.
                        yield return (route, RouteCatalogue.WithQuery(path, route.QueryGuids, id.ToString()), null);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Who must not change anything through a form about <paramref name="school"/>: members, editors, students,
    /// anonymous visitors, the secretary of the other cell; and for the other school's objects, every story account.
    /// The student's own correction request is hers to send: only users without a person are refused there.
    /// </summary>
    private static IEnumerable<string?> PostersWithoutTheRight(ScopeWorld world, AppRoute route, SchoolData school)
    {
        if (route.Template == "/cua-toi")
        {
            return ["admin", ScopeWorld.OtherSecretary, null];
        }

        IEnumerable<string?> posters = ["dangvien", "bientap", "sinhvien", null];
        return posters.Concat(world.Users.Where(u => !world.Reaches(u, school))).Distinct();
    }

    private static string Handler(string url, string handler) =>
        handler.Length == 0 ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;

    /// <summary>The fields of every form of the app, with values that would pass for a user with the right role.</summary>
    private async Task<HttpResponseMessage> PostFormAsync(HttpClient client, AppRoute route, string url, SchoolData school)
    {
        await using var db = app.Database.CreateContext();
        var version = await db.Cases.Where(c => c.Id == school.OutstandingCase).Select(c => c.Version).SingleAsync();
        var token = await TokenAsync(client);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token),
            new("buoc", "SympathizerListed"),
            new("Input.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Date", "2024-03-05"),
            new("Input.Acknowledged", "HELPER-MISSING"),
            new("Date", "2024-03-05"),
            new("AcknowledgeNoHelper", "true"),
            new("Correction", "Em xin sửa lại quê quán."),
            // The source list takes people; the sympathizer list takes cases.
            new("Chosen", (route.Template.StartsWith("/nguon", StringComparison.Ordinal) ? school.FreePerson : school.OutstandingCase).ToString()),
        };
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>The request token a signed-in page carries in its sign-out form, or the sign-in form's for a visitor.</summary>
    private static async Task<string> TokenAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var home = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.OK && home.Contains("__RequestVerificationToken", StringComparison.Ordinal))
        {
            return SignIn.AntiforgeryToken(home);
        }

        return SignIn.AntiforgeryToken(await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative)));
    }

    private static async Task<HttpClient> ClientAsync(WebApplicationFactory<Program> factory, Dictionary<string, HttpClient> clients, string? user)
    {
        var key = user ?? "";
        if (!clients.TryGetValue(key, out var client))
        {
            client = user is null
                ? factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
                : await SignIn.AsAsync(factory, user);
            clients[key] = client;
        }

        return client;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (method != "GET")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    private sealed record Counts(int Cases, int Steps, int Corrections, int People);

    private async Task<Counts> CountsAsync()
    {
        await using var db = app.Database.CreateContext();
        return new Counts(await db.Cases.CountAsync(), await db.CaseSteps.CountAsync(), await db.CorrectionRequests.CountAsync(), await db.People.CountAsync());
    }
}

public sealed class ScopeWalkTestsOnSqlite(TwoSchoolsOnSqlite app, ITestOutputHelper output) : ScopeWalkTests<TwoSchoolsOnSqlite>(app, output);

public sealed class ScopeWalkTestsOnPostgres(TwoSchoolsOnPostgres app, ITestOutputHelper output) : ScopeWalkTests<TwoSchoolsOnPostgres>(app, output);
