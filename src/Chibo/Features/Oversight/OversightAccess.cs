using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Oversight;

/// <summary>Who sees a dashboard: the cell's committee for its cell, a committee's organisation department for its subtree.</summary>
public static class OversightAccess
{
    public static readonly Role[] Readers = [Role.Administrator, Role.OrganisationDepartment, Role.CellSecretary, Role.CellCommittee];

    public static bool CanRead(CurrentUser me, Organisation organisation) => me.Holds(organisation.Path, Readers);

    public static Task<Organisation?> FindAsync(AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && Figures.PartyKinds.Contains(o.Kind), cancellationToken);

    /// <summary>The party organisations a user may open, top of the tree first.</summary>
    public static Task<List<Organisation>> ChoicesAsync(AppDbContext db, CurrentUser me, CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().Within(me.PathsFor(Readers))
            .Where(o => Figures.PartyKinds.Contains(o.Kind))
            .OrderBy(o => o.Path.Length).ThenBy(o => o.Name)
            .Take(200)
            .ToListAsync(cancellationToken);
}
