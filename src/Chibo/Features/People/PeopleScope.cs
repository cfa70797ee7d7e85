using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;

namespace Chibo.Features.People;

public static class PeopleScope
{
    /// <summary>
    /// People whose unit or whose Youth Union branch lies in one of <paramref name="scopes"/>. A student's unit
    /// is a class under the school, but the class branch sits under the school's union, so a branch or union
    /// secretary reaches the students through the branch; the plain <see cref="ScopeFilters.Within(IQueryable{Person}, IReadOnlyList{string?})"/>
    /// would show them nobody.
    /// </summary>
    public static IQueryable<Person> VisibleIn(this IQueryable<Person> people, AppDbContext db, IReadOnlyList<string?> scopes)
    {
        if (scopes.Any(s => s is null))
        {
            return people;
        }

        if (scopes.Count == 0)
        {
            return people.Where(_ => false);
        }

        // A subquery, not a list of ids: the database joins it, and one statement stays one statement.
        var units = db.Organisations.Within(scopes).Select(o => (Guid?)o.Id);
        return people.Where(p => units.Contains(p.OrganisationId) || units.Contains(p.UnionBranchId));
    }
}
