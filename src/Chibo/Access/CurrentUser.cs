using System.Security.Claims;
using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Access;

/// <summary>A role held over an organisation subtree; <see cref="Path"/> is null for the whole installation.</summary>
public sealed record Grant(Role Role, Guid? OrganisationId, string? Path, string? OrganisationName);

/// <summary>
/// Who is asking, and over which parts of the organisation tree they hold which roles. Loaded once per
/// request by <see cref="LoadAsync"/>; every query of personal data is filtered through it.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, AppDbContext db)
{
    private static readonly Role[] PeopleReaders =
    [
        Role.Administrator, Role.OrganisationDepartment, Role.CellSecretary, Role.CellCommittee, Role.UnionSecretary,
        Role.BranchSecretary, Role.StudentAffairs, Role.HomeroomTeacher,
    ];

    public bool IsSignedIn => UserId is not null;

    public string? UserId { get; private set; }

    public string DisplayName { get; private set; } = "";

    public Guid? PersonId { get; private set; }

    public bool MustChangePassword { get; private set; }

    public IReadOnlyList<Grant> Grants { get; private set; } = [];

    public bool IsAdministrator => Grants.Any(g => g.Role == Role.Administrator && g.Path is null);

    public bool CanReadPeople => Grants.Any(g => PeopleReaders.Contains(g.Role));

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var principal = http.HttpContext?.User;
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return;
        }

        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new { u.DisplayName, u.PersonId, u.MustChangePassword })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return;
        }

        UserId = id;
        DisplayName = user.DisplayName;
        PersonId = user.PersonId;
        MustChangePassword = user.MustChangePassword;
        // A grant over no organisation means the whole installation: only an administrator's may. Any other
        // such row is a slip in the data and grants nothing, rather than everything.
        Grants = await db.RoleAssignments.AsNoTracking()
            .Where(r => r.UserId == id && (r.OrganisationId != null || r.Role == Role.Administrator))
            .Select(r => new Grant(r.Role, r.OrganisationId, r.Organisation!.Path, r.Organisation.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>True when one of <paramref name="roles"/> is held over the organisation at <paramref name="path"/> or above it.</summary>
    public bool Holds(string path, params Role[] roles) =>
        Grants.Any(g => roles.Contains(g.Role) && (g.Path is null || path.StartsWith(g.Path, StringComparison.Ordinal)));

    /// <summary>The subtree roots where one of <paramref name="roles"/> is held; null in the list means everywhere.</summary>
    public IReadOnlyList<string?> PathsFor(params Role[] roles) =>
        [.. Grants.Where(g => roles.Contains(g.Role)).Select(g => g.Path).Distinct()];

    /// <summary>Subtree roots whose people this user may read.</summary>
    public IReadOnlyList<string?> PeopleScopes => PathsFor(PeopleReaders);
}
