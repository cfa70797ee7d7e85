using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.People;

public enum PeopleSort
{
    Name,
    DateOfBirth,
    Class,
    StudentCode,
}

public enum PartyStatus
{
    Member,
    NonMember,
}

/// <summary>What the people list is asked for; every field comes from the query string.</summary>
public sealed record PeopleFilter
{
    public string? Text { get; init; }
    /// <summary>An organisation whose subtree the people must belong to (by unit or by union branch).</summary>
    public Guid? OrganisationId { get; init; }
    /// <summary>A class by its short name, e.g. "K23N3".</summary>
    public string? Class { get; init; }
    /// <summary>A Youth Union branch by its short name.</summary>
    public string? Branch { get; init; }
    public Gender? Gender { get; init; }
    public int? BirthYear { get; init; }
    /// <summary>The year a cohort entered, e.g. 2023 for the classes K23….</summary>
    public int? Cohort { get; init; }
    public PartyStatus? Party { get; init; }
    public PeopleSort Sort { get; init; }
    public bool Descending { get; init; }
    public int Page { get; init; } = 1;
}

public sealed record PersonRow(
    Guid Id,
    string FullName,
    string? AcademicTitle,
    DateOnly? DateOfBirth,
    Gender Gender,
    string? Unit,
    string? StudentCode,
    string MaskedNationalId,
    bool IsYouthUnionMember,
    bool IsPartyMember);

public sealed record PeoplePage(IReadOnlyList<PersonRow> Rows, int Total, int Page, int PageCount);

/// <summary>
/// The people registry's list: the user's scope, the filters, a diacritic-blind name search, a sort and
/// one page. Two statements: the page of rows and the count.
/// </summary>
public sealed class PeopleSearch(AppDbContext db, CurrentUser me)
{
    public const int PageSize = 50;

    public async Task<PeoplePage> RunAsync(PeopleFilter filter, CancellationToken cancellationToken = default)
    {
        var people = Filter(db.People.AsNoTracking().VisibleIn(db, me.PeopleScopes), filter);
        var total = await people.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var rows = await Sort(people, filter.Sort, filter.Descending)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(p => new
            {
                p.Id,
                p.FullName,
                p.AcademicTitle,
                p.DateOfBirth,
                p.Gender,
                Unit = p.Organisation!.ShortName ?? p.Organisation.Name,
                p.StudentCode,
                p.NationalId,
                p.IsYouthUnionMember,
                IsPartyMember = db.Memberships.Any(m => m.PersonId == p.Id && m.EndedOn == null),
            })
            .ToListAsync(cancellationToken);
        return new PeoplePage(
            [.. rows.Select(r => new PersonRow(r.Id, r.FullName, r.AcademicTitle, r.DateOfBirth, r.Gender, r.Unit, r.StudentCode,
                PeopleText.MaskNationalId(r.NationalId), r.IsYouthUnionMember, r.IsPartyMember))],
            total, page, pageCount);
    }

    /// <summary>
    /// Every word of the folded query must begin a word of the folded name, so "yen vi" finds
    /// "Nguyễn Trịnh Yến Vi" and "an" does not find every "Tuấn". A query with a digit also matches
    /// the start of a student code.
    /// </summary>
    public static IQueryable<Person> MatchingText(IQueryable<Person> people, string? text)
    {
        var words = SearchText.Fold(text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return people;
        }

        var code = words.Length == 1 && words[0].Any(char.IsAsciiDigit) ? text!.Trim().ToUpperInvariant() : null;
        if (code is not null)
        {
            var word = " " + words[0];
            return people.Where(p => (" " + p.SearchName).Contains(word) || (p.StudentCode != null && p.StudentCode.StartsWith(code)));
        }

        foreach (var w in words)
        {
            // The leading space anchors the word at a word start; both databases read it as one strpos/instr.
            var word = " " + w;
            people = people.Where(p => (" " + p.SearchName).Contains(word));
        }

        return people;
    }

    private IQueryable<Person> Filter(IQueryable<Person> people, PeopleFilter filter)
    {
        people = MatchingText(people, filter.Text);
        if (filter.OrganisationId is { } organisationId)
        {
            var root = db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Path);
            var subtree = db.Organisations.Where(o => root.Any(r => o.Path.StartsWith(r))).Select(o => (Guid?)o.Id);
            people = people.Where(p => subtree.Contains(p.OrganisationId) || subtree.Contains(p.UnionBranchId));
        }

        if (Normalise(filter.Class) is { } className)
        {
            var classes = db.Organisations.Where(o => o.Kind == OrganisationKind.SchoolClass && o.ShortName == className).Select(o => (Guid?)o.Id);
            people = people.Where(p => classes.Contains(p.OrganisationId));
        }

        if (Normalise(filter.Branch) is { } branchName)
        {
            var branches = db.Organisations.Where(o => o.Kind == OrganisationKind.UnionBranch && o.ShortName == branchName).Select(o => (Guid?)o.Id);
            people = people.Where(p => branches.Contains(p.UnionBranchId));
        }

        if (filter.Gender is { } gender)
        {
            people = people.Where(p => p.Gender == gender);
        }

        if (filter.BirthYear is { } year)
        {
            // A range, not .Year: it keeps the comparison a plain one on both databases.
            var from = new DateOnly(Math.Clamp(year, 1, 9998), 1, 1);
            var to = from.AddYears(1);
            people = people.Where(p => p.DateOfBirth >= from && p.DateOfBirth < to);
        }

        if (filter.Cohort is { } cohort)
        {
            // Classes are named after their cohort: K23N3 entered in 2023.
            var prefix = $"K{cohort % 100:00}";
            var classes = db.Organisations.Where(o => o.Kind == OrganisationKind.SchoolClass && o.ShortName!.StartsWith(prefix)).Select(o => (Guid?)o.Id);
            people = people.Where(p => classes.Contains(p.OrganisationId));
        }

        // An IN over the few members, not a correlated EXISTS per person: the database starts from the members.
        var members = db.Memberships.Where(m => m.EndedOn == null).Select(m => m.PersonId);
        people = filter.Party switch
        {
            PartyStatus.Member => people.Where(p => members.Contains(p.Id)),
            PartyStatus.NonMember => people.Where(p => !members.Contains(p.Id)),
            null => people,
        };
        return people;
    }

    private static string? Normalise(string? shortName) =>
        string.IsNullOrWhiteSpace(shortName) ? null : shortName.Trim().ToUpperInvariant();

    /// <summary>The chosen key, then the folded name and the id, so pages never overlap or skip a row.</summary>
    private static IQueryable<Person> Sort(IQueryable<Person> people, PeopleSort sort, bool descending) => (sort, descending) switch
    {
        (PeopleSort.DateOfBirth, false) => people.OrderBy(p => p.DateOfBirth).ThenBy(p => p.SearchName).ThenBy(p => p.Id),
        (PeopleSort.DateOfBirth, true) => people.OrderByDescending(p => p.DateOfBirth).ThenBy(p => p.SearchName).ThenBy(p => p.Id),
        (PeopleSort.Class, false) => people.OrderBy(p => p.Organisation!.ShortName).ThenBy(p => p.SearchName).ThenBy(p => p.Id),
        (PeopleSort.Class, true) => people.OrderByDescending(p => p.Organisation!.ShortName).ThenBy(p => p.SearchName).ThenBy(p => p.Id),
        (PeopleSort.StudentCode, false) => people.OrderBy(p => p.StudentCode).ThenBy(p => p.Id),
        (PeopleSort.StudentCode, true) => people.OrderByDescending(p => p.StudentCode).ThenBy(p => p.Id),
        (_, false) => people.OrderBy(p => p.SearchName).ThenBy(p => p.Id),
        (_, true) => people.OrderByDescending(p => p.SearchName).ThenByDescending(p => p.Id),
    };
}
