using System.Text.RegularExpressions;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Features.Cases;
using Chibo.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Tests.Security;

/// <summary>One school of the two-school demo: its organisations, a few objects to request, and its personal data.</summary>
/// <param name="FreePerson">A student of the school's class with no case: may be put on the source list.</param>
/// <param name="OutstandingCase">A case at the outstanding stage: the cell's next step is the sympathizer list.</param>
/// <param name="Names">Full names held by people of this school and by nobody outside it.</param>
/// <param name="Numbers">National IDs and phone numbers of this school's people.</param>
public sealed record SchoolData(
    string Label,
    Organisation Cell,
    Organisation School,
    Organisation Class,
    Guid FreePerson,
    string FreePersonName,
    string FreePersonNationalId,
    Guid OutstandingCase,
    HashSet<string> Names,
    HashSet<string> Numbers);

/// <summary>
/// The two schools of <see cref="TwoSchoolsOnSqlite"/> read back from the database, the demo accounts, and a
/// cell secretary of the other school created with the app's own services.
/// </summary>
public sealed partial class ScopeWorld
{
    public const string OtherSecretary = "bithu.truongkhac";

    public const string StoryCellName = "Chi bộ Trường Cao đẳng Y Hà Nội";

    /// <summary>The class of the homeroom teacher, the branch secretary and the student of the demo.</summary>
    public const string StoryClass = "K23N3";

    public required SchoolData Story { get; init; }

    public required SchoolData Other { get; init; }

    /// <summary>Every user of the walk with the tree paths of their grants (null: the whole installation).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string?>> Grants { get; init; }

    /// <summary>Users who hold no reading role over the whole story school or its union: class-level officers, members, editors, students.</summary>
    public required IReadOnlySet<string> Narrow { get; init; }

    /// <summary>Names of story students outside the story class and its union branch, held by nobody else.</summary>
    public required IReadOnlySet<string> OtherClassStudents { get; init; }

    public SchoolData[] Schools => [Story, Other];

    public static async Task<ScopeWorld> LoadAsync(DemoApp app)
    {
        await using var db = app.Database.CreateContext();
        var storyCell = await db.Organisations.SingleAsync(o => o.Name == StoryCellName);
        var otherCell = await db.Organisations.Where(o => o.Kind == OrganisationKind.Cell && o.Id != storyCell.Id).OrderBy(o => o.Name).FirstAsync();
        await EnsureOtherSecretaryAsync(app, otherCell);

        var people = await db.People.AsNoTracking()
            .Select(p => new { p.Id, p.FullName, p.NationalId, p.Phone, Path = p.Organisation!.Path })
            .ToListAsync();
        var story = await SchoolAsync(db, "story", storyCell, StoryClass, people.Select(p => (p.Id, p.FullName, p.NationalId, p.Phone, (string?)p.Path)).ToList());
        var other = await SchoolAsync(db, "other", otherCell, null, people.Select(p => (p.Id, p.FullName, p.NationalId, p.Phone, (string?)p.Path)).ToList());

        var grants = await db.RoleAssignments.AsNoTracking()
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { u.UserName, r.Role, Path = r.Organisation == null ? null : r.Organisation.Path })
            .ToListAsync();
        // The school's union reaches every student through the class branches below it.
        var union = await db.Organisations.AsNoTracking().SingleAsync(o => o.ParentId == story.School.Id && o.Kind == OrganisationKind.UnionSchool);
        var narrow = grants.GroupBy(g => g.UserName!)
            .Where(g => !g.Any(x => StepPermissions.Readers.Contains(x.Role)
                && (x.Path is null || story.School.Path.StartsWith(x.Path, StringComparison.Ordinal) || union.Path.StartsWith(x.Path, StringComparison.Ordinal))))
            .Select(g => g.Key)
            .ToHashSet();
        var branch = await db.Organisations.AsNoTracking().SingleAsync(o => o.Kind == OrganisationKind.UnionBranch && o.ShortName == story.Class.ShortName && o.Path.StartsWith(storyCell.Path));
        var students = await db.People.AsNoTracking()
            .Where(p => p.Organisation!.Kind == OrganisationKind.SchoolClass && p.Organisation.Path.StartsWith(storyCell.Path))
            .Select(p => new { p.FullName, p.OrganisationId, p.UnionBranchId })
            .ToListAsync();
        var inClass = students.Where(p => p.OrganisationId == story.Class.Id || p.UnionBranchId == branch.Id).Select(p => p.FullName).ToHashSet();
        var otherClass = students.Where(p => p.OrganisationId != story.Class.Id && p.UnionBranchId != branch.Id && story.Names.Contains(p.FullName) && !inClass.Contains(p.FullName))
            .Select(p => p.FullName)
            .ToHashSet();
        return new ScopeWorld
        {
            Story = story,
            Other = other,
            Grants = grants.GroupBy(g => g.UserName!).ToDictionary(g => g.Key, g => (IReadOnlyList<string?>)[.. g.Select(x => x.Path)]),
            Narrow = narrow,
            OtherClassStudents = otherClass,
        };
    }

    /// <summary>Users of the walk: every demo account and the other school's secretary.</summary>
    public IEnumerable<string> Users => Grants.Keys.Where(u => u == OtherSecretary || Chibo.Seeding.DemoSeeder.Accounts.Any(a => a.UserName == u)).Order(StringComparer.Ordinal);

    /// <summary>Does one of the user's grants reach into (or above) the school's cell? Anonymous reaches nothing.</summary>
    public bool Reaches(string? user, SchoolData school) =>
        user is not null && Grants[user].Any(p => p is null
            || school.Cell.Path.StartsWith(p, StringComparison.Ordinal)
            || p.StartsWith(school.Cell.Path, StringComparison.Ordinal));

    /// <summary>Personal data of a school the user does not reach, found in <paramref name="text"/>; empty when none.</summary>
    public IReadOnlyList<string> LeaksIn(string text, string? user)
    {
        var found = new List<string>();
        foreach (var school in Schools.Where(s => !Reaches(user, s)))
        {
            found.AddRange(NamesIn(text).Where(school.Names.Contains).Select(n => $"{school.Label} name {n}"));
            found.AddRange(Digits().Matches(text).Select(m => m.Value).Where(school.Numbers.Contains).Select(n => $"{school.Label} number {n}"));
        }

        if (user is not null && Narrow.Contains(user))
        {
            found.AddRange(NamesIn(text).Where(OtherClassStudents.Contains).Select(n => $"story student of another class {n}"));
        }

        return found;
    }

    /// <summary>Every run of two or more capitalised words, and every shorter run inside it: the shapes a full name takes.</summary>
    public static IEnumerable<string> NamesIn(string text)
    {
        foreach (Match run in CapitalisedRun().Matches(text))
        {
            var words = run.Value.Split(' ');
            for (var start = 0; start < words.Length; start++)
            {
                for (var end = start + 2; end <= Math.Min(words.Length, start + 6); end++)
                {
                    yield return string.Join(' ', words[start..end]);
                }
            }
        }
    }

    /// <summary>Runs of 9 to 12 digits: national IDs and phone numbers.</summary>
    public static IEnumerable<string> DigitsIn(string text) => Digits().Matches(text).Select(m => m.Value);

    private static async Task<SchoolData> SchoolAsync(AppDbContext db, string label, Organisation cell, string? className, List<(Guid Id, string FullName, string? NationalId, string? Phone, string? Path)> everyone)
    {
        var school = await db.Organisations.AsNoTracking().FirstAsync(o => o.ParentId == cell.Id && o.Kind == OrganisationKind.School);
        var inSchool = everyone.Where(p => p.Path is not null && p.Path.StartsWith(cell.Path, StringComparison.Ordinal)).ToList();
        var outside = everyone.Where(p => p.Path is null || !p.Path.StartsWith(cell.Path, StringComparison.Ordinal)).Select(p => p.FullName).ToHashSet();
        var names = inSchool.Select(p => p.FullName).Where(n => !outside.Contains(n)).ToHashSet();
        var numbers = inSchool.SelectMany(p => new[] { p.NationalId, p.Phone }).Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).ToHashSet();

        // A class with a student on no case, whose name is this school's alone: the person to request and propose.
        var free = await db.People.AsNoTracking()
            .Where(p => p.Organisation!.Kind == OrganisationKind.SchoolClass && p.Organisation.Path.StartsWith(cell.Path) && p.NationalId != null && p.DateOfBirth != null)
            .Where(p => className == null || p.Organisation!.ShortName == className)
            .Where(p => !db.Cases.Any(c => c.PersonId == p.Id))
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.FullName, p.NationalId, p.OrganisationId })
            .Take(200)
            .ToListAsync();
        var chosen = free.First(p => names.Contains(p.FullName));
        var schoolClass = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == chosen.OrganisationId);
        var outstanding = await db.Cases.AsNoTracking()
            .Where(c => c.CellId == cell.Id && c.Stage == Stage.Outstanding)
            .OrderBy(c => c.Id)
            .Select(c => c.Id)
            .FirstAsync();
        return new SchoolData(label, cell, school, schoolClass, chosen.Id, chosen.FullName, chosen.NationalId!, outstanding, names, numbers);
    }

    private static async Task EnsureOtherSecretaryAsync(DemoApp app, Organisation otherCell)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChiboUser>>();
        if (await users.FindByNameAsync(OtherSecretary) is not null)
        {
            return;
        }

        var user = new ChiboUser { UserName = OtherSecretary, DisplayName = "Bí thư chi bộ trường bạn" };
        var created = await users.CreateAsync(user, Chibo.Seeding.DemoSeeder.DemoPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Code)));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = Role.CellSecretary, OrganisationId = otherCell.Id });
        await db.SaveChangesAsync();
    }

    [GeneratedRegex(@"\p{Lu}\p{L}*(?: \p{Lu}\p{L}*)+")]
    private static partial Regex CapitalisedRun();

    [GeneratedRegex(@"(?<![0-9])[0-9]{9,12}(?![0-9])")]
    private static partial Regex Digits();
}
