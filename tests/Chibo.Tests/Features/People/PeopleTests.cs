using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Features.People;
using Chibo.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Tests.Features.People;

public abstract partial class PeopleTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : DemoApp
{
    private const string Vi = "Nguyễn Trịnh Yến Vi";

    [Theory]
    [InlineData("nguyen trinh yen vi")]
    [InlineData("NGUYỄN TRỊNH YẾN VI")]
    [InlineData("yen vi")]
    [InlineData("Trịnh Yến")]
    [InlineData("  nguyễn   VI ")]
    public async Task Search_IgnoresDiacriticsCaseAndSpacing_AndFindsPartialWords(string query)
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var rows = await RowsAsync(client, "/nhan-su?q=" + Uri.EscapeDataString(query));

        Assert.Contains(rows, r => r.Name == Vi);
    }

    [Theory]
    [InlineData("dam hung long", "Đàm Hưng Long")]
    [InlineData("LÊ ĐỨC MẠNH", "Lê Đức Mạnh")]
    [InlineData("le duc", "Lê Đức Mạnh")]
    public async Task Search_FoldsĐToD_BothWays(string query, string name)
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var rows = await RowsAsync(client, "/nhan-su?q=" + Uri.EscapeDataString(query));

        Assert.Contains(rows, r => r.Name.EndsWith(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_MatchesTheStartOfWords_NotTheirMiddle()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var rows = await RowsAsync(client, "/nhan-su?q=rinh+yen");

        Assert.DoesNotContain(rows, r => r.Name == Vi);
    }

    [Fact]
    public async Task Search_WithADigit_FindsStudentCodesByTheirStart()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var rows = await RowsAsync(client, "/nhan-su?q=cyh23n");

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith("CYH23N", r.StudentCode, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nguyen")]
    [InlineData("nguyen thi")]
    [InlineData("yen vi")]
    [InlineData("h")]
    [InlineData("van tran")]
    [InlineData("th thi")]
    public async Task Search_ReadingTheNameIndex_FindsTheSamePeopleAsTheWordIndex(string query)
    {
        await using var db = app.Database.CreateContext();
        var me = await AdministratorAsync(db);
        var byWords = new PeopleSearch(db, me);
        var byScan = new PeopleSearch(db, me) { RareNameLimit = 0 };

        var expected = await (await byWords.MatchingTextAsync(db.People, query)).Select(p => p.Id).OrderBy(id => id).ToListAsync();
        var actual = await (await byScan.MatchingTextAsync(db.People, query)).Select(p => p.Id).OrderBy(id => id).ToListAsync();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("admin", "nguyen", false)]
    [InlineData("admin", "nguyen thi", false)]
    [InlineData("admin", "nguyen thi", true)]
    [InlineData("admin", "h", false)]
    [InlineData("admin", "h", true)]
    [InlineData("admin", "ng", true)]
    [InlineData("admin", "thi nguyen", true)]
    [InlineData("admin", "nguyen an", false)]
    [InlineData("admin", "le thi h", false)]
    [InlineData("admin", "th thi ng", true)]
    [InlineData("bithu", "nguyen thi", false)]
    [InlineData("bithu", "h", true)]
    [InlineData("chidoan", "n", false)]
    public async Task Search_OfCommonWords_PagesAsTheNamesSort_InTheUsersScope(string user, string query, bool descending)
    {
        await using var db = app.Database.CreateContext();
        var me = await UserAsync(db, user);
        var byScan = new PeopleSearch(db, me) { RareNameLimit = 0 };
        var words = SearchText.Fold(query).Split(' ');
        var names = (await db.People.VisibleIn(db, me.PeopleScopes).Select(p => p.SearchName).ToListAsync())
            .Where(n => words.All(w => (" " + n).Contains(" " + w, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (descending)
        {
            names.Reverse();
        }

        var pages = new List<PeoplePage>();
        for (var page = 1; page == 1 || page <= pages[^1].PageCount; page++)
        {
            pages.Add(await byScan.RunAsync(new PeopleFilter { Text = query, Descending = descending, Page = page }));
        }

        Assert.True(names.Count > 1);
        Assert.All(pages, p => Assert.Equal(names.Count, p.Total));
        Assert.Equal(names, pages.SelectMany(p => p.Rows).Select(r => SearchText.Fold(r.FullName)));
        Assert.Equal(names.Count, pages.SelectMany(p => p.Rows).Select(r => r.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("nguyen thi")]
    [InlineData("h")]
    public async Task Search_OfCommonWords_WithAFilter_KeepsOnlyThePeopleItKeeps(string query)
    {
        await using var db = app.Database.CreateContext();
        var byKeys = new PeopleSearch(db, await AdministratorAsync(db)) { RareNameLimit = 0 };
        var words = SearchText.Fold(query).Split(' ');
        var names = (await db.People.Where(p => p.Gender == Gender.Male).Select(p => p.SearchName).ToListAsync())
            .Where(n => words.All(w => (" " + n).Contains(" " + w, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();

        var page = await byKeys.RunAsync(new PeopleFilter { Text = query, Gender = Gender.Male });

        Assert.NotEmpty(names);
        Assert.Equal(names.Count, page.Total);
        Assert.Equal(names.Take(PeopleSearch.PageSize), page.Rows.Select(r => SearchText.Fold(r.FullName)));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("bithu")]
    public async Task ClassAndBranchSuggestions_AreEveryShortNameInScope_Once_InOrder(string user)
    {
        using var client = await SignIn.AsAsync(app.Factory, user);
        var html = await client.GetStringAsync(new Uri("/nhan-su", UriKind.Relative));
        List<string> Suggested(string list) =>
            [.. Regex.Matches(Regex.Match(html, $"<datalist id=\"{list}\">(.*?)</datalist>", RegexOptions.Singleline).Groups[1].Value, "<option value=\"([^\"]*)\"")
                .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

        await using var db = app.Database.CreateContext();
        var visible = db.Organisations.Within((await UserAsync(db, user)).PeopleScopes);
        async Task<List<string>> ExpectedAsync(OrganisationKind kind) =>
            [.. (await visible.Where(o => o.Kind == kind && o.ShortName != null).Select(o => o.ShortName!).ToListAsync()).Distinct().Order(StringComparer.Ordinal)];

        var classes = await ExpectedAsync(OrganisationKind.SchoolClass);
        Assert.NotEmpty(classes);
        Assert.Equal(classes, Suggested("lop-goi-y"));
        Assert.Equal(await ExpectedAsync(OrganisationKind.UnionBranch), Suggested("chi-doan-goi-y"));
    }

    [Fact]
    public async Task TheWordIndex_FollowsANameAddedChangedAndRemoved()
    {
        await using var db = app.Database.CreateContext();
        var me = await AdministratorAsync(db);
        var search = new PeopleSearch(db, me);
        // Every word counted common: the word and pair tables are read by their keys, not probed.
        var byKeys = new PeopleSearch(db, me) { RareNameLimit = 0 };
        async Task<List<Guid>> FindAsync(string query)
        {
            var found = await (await search.MatchingTextAsync(db.People, query)).Select(p => p.Id).ToListAsync();
            Assert.Equal(found, await (await byKeys.MatchingTextAsync(db.People, query)).Select(p => p.Id).ToListAsync());
            return found;
        }

        var person = new Person { FullName = "Hoàng Quỳnh Xuyến Zyta", SearchName = SearchText.Fold("Hoàng Quỳnh Xuyến Zyta") };
        db.People.Add(person);
        await db.SaveChangesAsync();
        Assert.Equal([person.Id], await FindAsync("zyta"));
        Assert.Equal([person.Id], await FindAsync("xuyen zy"));
        await AssertTheTablesHoldEveryNameAsync(db);

        (person.FullName, person.SearchName) = ("Hoàng Quỳnh Xuyến Kyta", SearchText.Fold("Hoàng Quỳnh Xuyến Kyta"));
        await db.SaveChangesAsync();
        Assert.Empty(await FindAsync("zyta"));
        Assert.Empty(await FindAsync("zyta xuyen"));
        Assert.Equal([person.Id], await FindAsync("kyta"));
        Assert.Equal([person.Id], await FindAsync("kyta xuyen"));
        await AssertTheTablesHoldEveryNameAsync(db);

        db.People.Remove(person);
        await db.SaveChangesAsync();
        Assert.Empty(await FindAsync("kyta"));
        Assert.Empty(await FindAsync("kyta xuyen"));
        await AssertTheTablesHoldEveryNameAsync(db);
    }

    /// <summary>
    /// On PostgreSQL, the word table holds exactly the words of every name, and the pair table exactly the pairs of
    /// its distinct words, the lesser first: the seed's bulk fill and the triggers agree.
    /// </summary>
    private async Task AssertTheTablesHoldEveryNameAsync(AppDbContext db)
    {
        if (app.Database.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        var wordsAmiss = await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM (
              (SELECT w, p."SearchName", p."Id" FROM "People" AS p, chibo_name_words(p."SearchName") AS w
               EXCEPT SELECT "Word", "SearchName", "PersonId" FROM "PersonNameWords")
              UNION ALL
              (SELECT "Word", "SearchName", "PersonId" FROM "PersonNameWords"
               EXCEPT SELECT w, p."SearchName", p."Id" FROM "People" AS p, chibo_name_words(p."SearchName") AS w)) AS differences
            """).SingleAsync();
        var pairsAmiss = await db.Database.SqlQuery<int>($"""
            WITH pairs AS (
              SELECT a, b, p."SearchName", p."Id"
              FROM "People" AS p, chibo_name_words(p."SearchName") AS a, chibo_name_words(p."SearchName") AS b WHERE a < b)
            SELECT count(*)::int AS "Value" FROM (
              (SELECT * FROM pairs EXCEPT SELECT "First", "Second", "SearchName", "PersonId" FROM "PersonNamePairs")
              UNION ALL
              (SELECT "First", "Second", "SearchName", "PersonId" FROM "PersonNamePairs" EXCEPT SELECT * FROM pairs)) AS differences
            """).SingleAsync();
        var people = await db.People.CountAsync();

        Assert.Equal((0, 0), (wordsAmiss, pairsAmiss));
        Assert.True(await db.Database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM "PersonNameWords" """).SingleAsync() > 2 * people);
        Assert.True(await db.Database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM "PersonNamePairs" """).SingleAsync() > 2 * people);
    }

    [Fact]
    public async Task Filters_ClassAndPartyMember_ShowOnlyTheClasssMembers()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var rows = await RowsAsync(client, "/nhan-su?lop=k23n3&dang=dang-vien");

        var row = Assert.Single(rows);
        Assert.Equal(Vi, row.Name);
        Assert.Equal("K23N3", row.Unit);
    }

    [Fact]
    public async Task Filters_GenderAndYearOfBirth_KeepOnlyMatchingPeople()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var rows = await RowsAsync(client, "/nhan-su?gioi-tinh=nu&nam-sinh=2005");

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Nữ", r.Gender));
        Assert.All(rows, r => Assert.EndsWith("/2005", r.DateOfBirth, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filters_NonMembersOfAClass_LeaveOutThePartyMember()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var rows = await RowsAsync(client, "/nhan-su?lop=K23N3&dang=quan-chung");

        Assert.NotEmpty(rows);
        Assert.DoesNotContain(rows, r => r.Name == Vi);
        Assert.All(rows, r => Assert.Equal("K23N3", r.Unit));
    }

    [Fact]
    public async Task Paging_ShowsFiftyAPage_WithoutOverlap_AndKeepsTheFiltersInThePageLinks()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var html = await client.GetStringAsync(new Uri("/nhan-su?gioi-tinh=nu", UriKind.Relative));
        var first = Rows(html);
        var second = await RowsAsync(client, "/nhan-su?gioi-tinh=nu&trang=2");

        Assert.Equal(PeopleSearch.PageSize, first.Count);
        Assert.Equal(PeopleSearch.PageSize, second.Count);
        Assert.Empty(first.Select(r => r.Id).Intersect(second.Select(r => r.Id)));
        Assert.Contains("href=\"/nhan-su?gioi-tinh=nu&amp;trang=2\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sorting_ByDateOfBirthDescending_PutsTheYoungestFirst()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var rows = await RowsAsync(client, "/nhan-su?sap-xep=ngay-sinh&thu-tu=giam");

        var dates = rows.Select(r => DateOnly.ParseExact(r.DateOfBirth, "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }

    [Fact]
    public async Task BranchSecretary_SeesOnlyTheBranchsPeople()
    {
        using var client = await SignIn.AsAsync(app.Factory, "chidoan");

        var rows = await RowsAsync(client, "/nhan-su");

        Assert.Contains(rows, r => r.Name == Vi);
        Assert.All(rows, r => Assert.Equal("K23N3", r.Unit));
    }

    [Fact]
    public async Task BranchSecretary_SeesTheBranchsPeople_WhateverTheirUnit_AndNoOneElse()
    {
        await using var db = app.Database.CreateContext();
        var (noUnit, otherUnit, otherBranch) = await AddPeopleAtTheBranchsEdgesAsync(db);
        try
        {
            using var client = await SignIn.AsAsync(app.Factory, "chidoan");

            var rows = await RowsAsync(client, "/nhan-su?q=vu+thi+xuan");

            var expected = new[] { noUnit.Id, otherUnit.Id }.Select(id => id.ToString()).Order(StringComparer.Ordinal);
            Assert.Equal(expected, rows.Select(r => r.Id).Order(StringComparer.Ordinal));
        }
        finally
        {
            db.People.RemoveRange(noUnit, otherUnit, otherBranch);
            await db.SaveChangesAsync();
        }
    }

    [Theory]
    [InlineData("chidoan")]
    [InlineData("bithu")]
    [InlineData("doantruong")]
    public async Task ThePeopleInScope_AreThoseOfItsUnitsAndBranches_ReadByPathByIdSetsOrByIdOr(string user)
    {
        await using var db = app.Database.CreateContext();
        var (noUnit, otherUnit, otherBranch) = await AddPeopleAtTheBranchsEdgesAsync(db);
        try
        {
            var scopes = (await UserAsync(db, user)).PeopleScopes;
            // Worked out in memory: a person whose unit or branch has a path under one of the scopes.
            var inScope = (await db.Organisations.Select(o => new { o.Id, o.Path }).ToListAsync())
                .Where(o => scopes.Any(s => o.Path.StartsWith(s!, StringComparison.Ordinal))).Select(o => (Guid?)o.Id).ToHashSet();
            List<Guid> expected = [.. (await db.People.Select(p => new { p.Id, p.OrganisationId, p.UnionBranchId }).ToListAsync())
                .Where(p => inScope.Contains(p.OrganisationId) || inScope.Contains(p.UnionBranchId)).Select(p => p.Id).Order()];
            async Task<List<Guid>> IdsAsync(IQueryable<Person> people) => [.. (await people.Select(p => p.Id).ToListAsync()).Order()];

            Assert.Contains(noUnit.Id, expected);
            Assert.Equal(expected, await IdsAsync(db.People.VisibleIn(db, scopes)));
            Assert.Equal(expected, await IdsAsync(await ScopeFilters.VisibleInAsync(db.People, db, scopes, int.MaxValue, CancellationToken.None)));
            Assert.Equal(expected, await IdsAsync(await ScopeFilters.VisibleInAsync(db.People, db, scopes, 0, CancellationToken.None)));
        }
        finally
        {
            db.People.RemoveRange(noUnit, otherUnit, otherBranch);
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task BranchSecretary_OpeningAStudentOfAnotherClass_Gets404()
    {
        using var client = await SignIn.AsAsync(app.Factory, "chidoan");
        var other = await PersonIdAsync(p => p.Organisation!.ShortName == "K23N2");

        using var response = await client.GetAsync(new Uri($"/nhan-su/{other}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("CCCD", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Student_OpeningTheList_Gets403()
    {
        using var client = await SignIn.AsAsync(app.Factory, "sinhvien");

        using var response = await client.GetAsync(new Uri("/nhan-su", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task NationalId_IsMaskedForTheHomeroomTeacher_AndInFullForTheCellSecretary()
    {
        var (id, nationalId) = await NationalIdOfViAsync();
        using var teacher = await SignIn.AsAsync(app.Factory, "gvcn");
        using var secretary = await SignIn.AsAsync(app.Factory, "bithu");

        var masked = await teacher.GetStringAsync(new Uri($"/nhan-su/{id}", UriKind.Relative));
        var full = await secretary.GetStringAsync(new Uri($"/nhan-su/{id}", UriKind.Relative));

        Assert.DoesNotContain(nationalId, masked, StringComparison.Ordinal);
        Assert.Contains(PeopleText.MaskNationalId(nationalId), masked, StringComparison.Ordinal);
        Assert.Matches("^[0-9]{3}[*]+[0-9]{3}$", PeopleText.MaskNationalId(nationalId));
        Assert.Contains(nationalId, full, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NationalId_IsMaskedInTheList_EvenForTheCellSecretary()
    {
        var (_, nationalId) = await NationalIdOfViAsync();
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var html = await client.GetStringAsync(new Uri("/nhan-su?q=yen+vi", UriKind.Relative));

        Assert.DoesNotContain(nationalId, html, StringComparison.Ordinal);
        Assert.Contains(PeopleText.MaskNationalId(nationalId), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonPage_ShowsTermsPositionsAndMembership_InVietnamese()
    {
        var (id, _) = await NationalIdOfViAsync();
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var html = await client.GetStringAsync(new Uri($"/nhan-su/{id}", UriKind.Relative));

        Assert.Contains("<h1>Nguyễn Trịnh Yến Vi</h1>", html, StringComparison.Ordinal);
        Assert.Contains("22/07/2005", html, StringComparison.Ordinal);
        Assert.Contains("2023–2024", html, StringComparison.Ordinal);
        Assert.Contains("Đảng viên dự bị từ</dt><dd>09/01/2024", html, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ kết nạp", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonPage_EachView_IsRecordedInTheAuditLog()
    {
        var (id, _) = await NationalIdOfViAsync();
        using var client = await SignIn.AsAsync(app.Factory, "gvcn");
        var before = await ViewsAsync(id);

        using var response = await client.GetAsync(new Uri($"/nhan-su/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.Database.CreateContext();
        var views = await db.AuditEntries.Where(a => a.EntityType == "Person" && a.EntityId == id.ToString() && a.Action == "view").ToListAsync();
        Assert.Equal(before + 1, views.Count);
        Assert.Equal("gvcn", views.OrderBy(a => a.Id).Last().Actor);
    }

    private async Task<int> ViewsAsync(Guid id)
    {
        await using var db = app.Database.CreateContext();
        return await db.AuditEntries.CountAsync(a => a.EntityType == "Person" && a.EntityId == id.ToString() && a.Action == "view");
    }

    private async Task<(Guid Id, string NationalId)> NationalIdOfViAsync()
    {
        await using var db = app.Database.CreateContext();
        var vi = await db.People.SingleAsync(p => p.FullName == Vi);
        return (vi.Id, vi.NationalId!);
    }

    private async Task<Guid> PersonIdAsync(System.Linq.Expressions.Expression<Func<Person, bool>> where)
    {
        await using var db = app.Database.CreateContext();
        return await db.People.Where(where).Select(p => p.Id).FirstAsync();
    }

    /// <summary>
    /// Three people at the edges of the story branch: in it without a unit, in it with a unit of another class, and in
    /// that other class without a branch.
    /// </summary>
    private static async Task<(Person NoUnit, Person OtherUnit, Person OtherBranch)> AddPeopleAtTheBranchsEdgesAsync(AppDbContext db)
    {
        var branch = await db.People.Where(p => p.FullName == Vi).Select(p => p.UnionBranchId).SingleAsync();
        var elsewhere = await db.Organisations.Where(o => o.ShortName == "K23N2").Select(o => o.Id).FirstAsync();
        Person Make(string name, Guid? unit, Guid? unionBranch) =>
            new() { FullName = name, SearchName = SearchText.Fold(name), OrganisationId = unit, UnionBranchId = unionBranch };
        var people = (Make("Vũ Thị Xuân Không Lớp", null, branch), Make("Vũ Thị Xuân Khác Lớp", elsewhere, branch), Make("Vũ Thị Xuân Khác Chi Đoàn", elsewhere, null));
        db.People.AddRange(people.Item1, people.Item2, people.Item3);
        await db.SaveChangesAsync();
        return people;
    }

    private static Task<CurrentUser> AdministratorAsync(AppDbContext db) => UserAsync(db, "admin");

    private static async Task<CurrentUser> UserAsync(AppDbContext db, string userName)
    {
        var admin = await db.Users.SingleAsync(u => u.UserName == userName);
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id)], "test")) };
        var me = new CurrentUser(new HttpContextAccessor { HttpContext = context }, db);
        await me.LoadAsync();
        return me;
    }

    private sealed record Row(string Id, string Name, string DateOfBirth, string Gender, string Unit, string StudentCode, string NationalId, string UnionMember);

    private static async Task<List<Row>> RowsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Rows(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The list's rows as a reader sees them: each cell's text, the name without its badge.</summary>
    private static List<Row> Rows(string html)
    {
        var body = Body().Match(html);
        if (!body.Success)
        {
            return [];
        }

        return [.. RowPattern().Matches(body.Value).Select(row =>
        {
            var cells = CellPattern().Matches(row.Value).Select(c => c.Groups[1].Value).ToList();
            var link = NameLink().Match(cells[0]);
            string Text(int i) => WebUtility.HtmlDecode(Tags().Replace(cells[i], "")).Trim();
            return new Row(link.Groups[1].Value, WebUtility.HtmlDecode(link.Groups[2].Value), Text(1), Text(2), Text(3), Text(4), Text(5), Text(6));
        })];
    }

    [GeneratedRegex("<tbody>.*?</tbody>", RegexOptions.Singleline)]
    private static partial Regex Body();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<a href=\"/nhan-su/([0-9a-f-]+)\">([^<]*)</a>")]
    private static partial Regex NameLink();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}

public sealed class PeopleTestsOnSqlite(DemoAppOnSqlite app) : PeopleTests<DemoAppOnSqlite>(app);

public sealed class PeopleTestsOnPostgres(DemoAppOnPostgres app) : PeopleTests<DemoAppOnPostgres>(app);
