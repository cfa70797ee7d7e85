using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.People;

public sealed record OrganisationChoice(Guid Id, string Name, int Depth);

/// <summary>
/// The people registry. The filters are read as plain strings from the query string, so a bookmarked or
/// hand-edited address with a bad value shows the list unfiltered instead of an error.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "don-vi")]
    public string? Organisation { get; set; }

    [BindProperty(SupportsGet = true, Name = "lop")]
    public string? Class { get; set; }

    [BindProperty(SupportsGet = true, Name = "chi-doan")]
    public string? Branch { get; set; }

    [BindProperty(SupportsGet = true, Name = "gioi-tinh")]
    public string? Gender { get; set; }

    [BindProperty(SupportsGet = true, Name = "nam-sinh")]
    public string? BirthYear { get; set; }

    [BindProperty(SupportsGet = true, Name = "khoa")]
    public string? Cohort { get; set; }

    [BindProperty(SupportsGet = true, Name = "dang")]
    public string? Party { get; set; }

    [BindProperty(SupportsGet = true, Name = "ket-nap")]
    public string? AdmittedYear { get; set; }

    [BindProperty(SupportsGet = true, Name = "sap-xep")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "thu-tu")]
    public string? Order { get; set; }

    [BindProperty(SupportsGet = true, Name = "trang")]
    public string? PageNumber { get; set; }

    public PeoplePage Result { get; private set; } = new([], 0, 1, 1);

    public IReadOnlyList<OrganisationChoice> Organisations { get; private set; } = [];

    public IReadOnlyList<string> ClassNames { get; private set; } = [];

    public IReadOnlyList<string> BranchNames { get; private set; } = [];

    public PeopleFilter Filter { get; private set; } = new();

    /// <summary>Beyond this many units the organisation picker keeps only committees, cells and schools.</summary>
    private const int LongPicker = 150;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!me.CanReadPeople)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Filter = BuildFilter();
        Result = await new PeopleSearch(db, me).RunAsync(Filter, cancellationToken);
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    /// <summary>The list as an .xlsx, with the same filters and order (export in Features/Exports).</summary>
    public async Task<IActionResult> OnGetXlsxAsync([FromServices] Exports.ListExports exports, CancellationToken cancellationToken) =>
        me.CanReadPeople ? await exports.PeopleAsync(BuildFilter(), cancellationToken) : StatusCode(StatusCodes.Status403Forbidden);

    private PeopleFilter BuildFilter() =>
        new()
        {
            Text = Text,
            OrganisationId = Guid.TryParse(Organisation, out var organisationId) ? organisationId : null,
            Class = Class,
            Branch = Branch,
            Gender = Gender switch { "nam" => Data.Entities.Gender.Male, "nu" => Data.Entities.Gender.Female, _ => null },
            BirthYear = int.TryParse(BirthYear, out var year) && year is > 1900 and < 2100 ? year : null,
            Cohort = int.TryParse(Cohort, out var cohort) && cohort is > 1900 and < 2100 ? cohort : null,
            Party = Party switch { "dang-vien" => PartyStatus.Member, "quan-chung" => PartyStatus.NonMember, _ => null },
            AdmittedYear = int.TryParse(AdmittedYear, out var admitted) && admitted is > 1900 and < 2100 ? admitted : null,
            Sort = Sort switch { "ngay-sinh" => PeopleSort.DateOfBirth, "lop" => PeopleSort.Class, "ma-sv" => PeopleSort.StudentCode, _ => PeopleSort.Name },
            Descending = Order == "giam",
            Page = int.TryParse(PageNumber, out var page) ? page : 1,
        };

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var visible = db.Organisations.AsNoTracking().Within(me.PeopleScopes);
        // Classes and branches have their own filters, and a union committee holds nobody: the tree picker keeps to the units people belong to.
        var organisations = await visible
            .Where(o => o.Kind != OrganisationKind.SchoolClass && o.Kind != OrganisationKind.UnionBranch && o.Kind != OrganisationKind.UnionCommittee)
            .OrderBy(o => o.Path)
            .Select(o => new { o.Id, o.Name, o.Path, o.Kind })
            .Take(2000)
            .ToListAsync(cancellationToken);
        if (organisations.Count > LongPicker)
        {
            // Over many schools, each school's offices would bury the schools themselves.
            organisations.RemoveAll(o => o.Kind is OrganisationKind.Department or OrganisationKind.UnionSchool or OrganisationKind.TrainingCentre);
        }

        var top = organisations.Count == 0 ? 0 : organisations.Min(o => Depth(o.Path));
        Organisations = [.. organisations.Select(o => new OrganisationChoice(o.Id, o.Name, Depth(o.Path) - top))];
        ClassNames = await ShortNamesAsync(visible, OrganisationKind.SchoolClass, cancellationToken);
        BranchNames = await ShortNamesAsync(visible, OrganisationKind.UnionBranch, cancellationToken);
    }

    private const int ShortNames = 500;

    private async Task<IReadOnlyList<string>> ShortNamesAsync(IQueryable<Organisation> visible, OrganisationKind kind, CancellationToken cancellationToken)
    {
        if (me.PeopleScopes.Any(s => s is null) && db.Database.IsNpgsql())
        {
            // The whole country's classes repeat a few dozen names ("K23N3") tens of thousands of times: each next name is
            // one probe of the (kind, short name) index, where DISTINCT would read every class. (PostgreSQL's syntax: the
            // installations SQLite serves are one school's.)
            var kindName = kind.ToString();
            return await db.Database.SqlQuery<string>($"""
                WITH RECURSIVE names("Name") AS (
                    (SELECT "ShortName" FROM "Organisations" WHERE "Kind" = {kindName} AND "ShortName" IS NOT NULL ORDER BY "ShortName" LIMIT 1)
                    UNION ALL
                    SELECT (SELECT o."ShortName" FROM "Organisations" AS o WHERE o."Kind" = {kindName} AND o."ShortName" > n."Name" ORDER BY o."ShortName" LIMIT 1)
                    FROM names AS n WHERE n."Name" IS NOT NULL)
                SELECT "Name" AS "Value" FROM names WHERE "Name" IS NOT NULL LIMIT {ShortNames}
                """).ToListAsync(cancellationToken);
        }

        return await visible.Where(o => o.Kind == kind && o.ShortName != null)
            .Select(o => o.ShortName!)
            .Distinct()
            .OrderBy(n => n)
            .Take(ShortNames)
            .ToListAsync(cancellationToken);
    }

    private static int Depth(string path) => path.Count(c => c == '/');

    /// <summary>This list's address with some parameters changed; empty values are left out.</summary>
    public string Link(string? sort = null, string? order = null, int? page = null)
    {
        var query = new QueryBuilder();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(key, value.Trim());
            }
        }

        Add("q", Text);
        Add("don-vi", Organisation);
        Add("lop", Class);
        Add("chi-doan", Branch);
        Add("gioi-tinh", Gender);
        Add("nam-sinh", BirthYear);
        Add("khoa", Cohort);
        Add("dang", Party);
        Add("ket-nap", AdmittedYear);
        Add("sap-xep", sort ?? Sort);
        Add("thu-tu", order ?? Order);
        if ((page ?? 1) > 1)
        {
            Add("trang", page!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return "/nhan-su" + query.ToQueryString();
    }

    /// <summary>The export of this list with its filters: every page, in the same order.</summary>
    public string XlsxLink()
    {
        var link = Link(page: 1);
        return link + (link.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=Xlsx";
    }

    /// <summary>A column header's link: the same column again flips the order; a new column starts ascending.</summary>
    public string SortLink(string key)
    {
        var current = Sort ?? "ten";
        var order = current == key && Order != "giam" ? "giam" : null;
        return Link(sort: key == "ten" ? "" : key, order: order ?? "", page: 1);
    }

    public string? SortMark(string key) =>
        (Sort ?? "ten") != key ? null : Order == "giam" ? "▼" : "▲";

    public string? AriaSort(string key) =>
        (Sort ?? "ten") != key ? null : Order == "giam" ? "descending" : "ascending";

    /// <summary>The page numbers to link: the first, the last, and two either side of the current one.</summary>
    public IEnumerable<int?> PageLinks()
    {
        var last = Result.PageCount;
        var current = Result.Page;
        int? previous = null;
        for (var n = 1; n <= last; n++)
        {
            if (n == 1 || n == last || Math.Abs(n - current) <= 2)
            {
                if (previous is { } p && n - p > 1)
                {
                    yield return null;
                }

                yield return n;
                previous = n;
            }
            else if (n < current - 2)
            {
                n = current - 3;
            }
            else
            {
                n = last - 1;
            }
        }
    }
}
