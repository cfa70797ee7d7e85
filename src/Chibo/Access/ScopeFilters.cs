using System.Linq.Expressions;
using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Access;

/// <summary>Query filters that keep every list inside the user's subtrees.</summary>
public static class ScopeFilters
{
    private static readonly System.Reflection.MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;

    /// <summary>People whose unit lies in one of <paramref name="scopes"/> (a null scope is everywhere).</summary>
    public static IQueryable<Person> Within(this IQueryable<Person> people, IReadOnlyList<string?> scopes) =>
        people.WithinPaths(p => p.Organisation!.Path, scopes);

    /// <summary>
    /// People whose unit or whose Youth Union branch lies in one of <paramref name="scopes"/>. A student's unit is
    /// a class under the school, but the class branch sits under the school's union, so a branch or union
    /// secretary reaches the students through the branch.
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

        var units = db.Organisations.Within(scopes).Select(o => (Guid?)o.Id);
        if (!db.Database.IsNpgsql())
        {
            // SQLite turns the two IN tests into lookups in two small lists, and its installations are a school or a city.
            return people.Where(p => units.Contains(p.OrganisationId) || units.Contains(p.UnionBranchId));
        }

        // Those of a unit in the scopes, then those of a branch there whose unit is none or elsewhere: disjoint sets,
        // each read from its own index, where PostgreSQL answered an OR of the tests by reading every person of the
        // installation (2 million). The units of the branch's people are tested by their path, person by person, so
        // the branches drive the reading.
        var unitElsewhere = Not(StartsWithAny<Person>(p => p.Organisation!.Path, scopes));
        return people.Where(p => units.Contains(p.OrganisationId))
            .Concat(people.Where(p => units.Contains(p.UnionBranchId) && p.OrganisationId == null))
            .Concat(people.Where(p => units.Contains(p.UnionBranchId) && p.OrganisationId != null).Where(unitElsewhere));
    }

    /// <summary>
    /// <see cref="VisibleIn(IQueryable{Person}, AppDbContext, IReadOnlyList{string?})"/> for the people list and its
    /// search, which read many of a scope's people: on PostgreSQL the scopes' organisations are read once and their ids
    /// passed as a list. With the path test inside the statement, PostgreSQL's parallel plans read all 108,000
    /// organisations of the 2,000,000-student seed through their key, and a district's people list took a second.
    /// </summary>
    public static Task<IQueryable<Person>> VisibleInAsync(this IQueryable<Person> people, AppDbContext db, IReadOnlyList<string?> scopes, CancellationToken cancellationToken) =>
        VisibleInAsync(people, db, scopes, LargeScope, cancellationToken);

    /// <summary>
    /// Above this many organisations (a district's thousands of classes and branches) a scope holds tens of thousands
    /// of people, a few in every hundred of the installation's: a page in name order is found soonest by walking the
    /// names in order and testing each person's unit and branch against the list (an OR). Below it (a school) the
    /// scope's few people are read as two disjoint sets from the unit and branch indexes and sorted; walking the names
    /// would pass tens of thousands of others first (the story school's list: 53 → 360 ms with the OR).
    /// </summary>
    internal const int LargeScope = 1_000;

    internal static async Task<IQueryable<Person>> VisibleInAsync(
        IQueryable<Person> people, AppDbContext db, IReadOnlyList<string?> scopes, int largeScope, CancellationToken cancellationToken)
    {
        if (scopes.Count == 0 || scopes.Any(s => s is null) || !db.Database.IsNpgsql())
        {
            return people.VisibleIn(db, scopes);
        }

        var units = await db.Organisations.Within(scopes).Select(o => (Guid?)o.Id).ToListAsync(cancellationToken);
        return units.Count > largeScope
            ? people.Where(p => units.Contains(p.OrganisationId) || units.Contains(p.UnionBranchId))
            // A person without a unit is not in the list, so the branch's side keeps them (EF's null semantics).
            : people.Where(p => units.Contains(p.OrganisationId))
                .Concat(people.Where(p => units.Contains(p.UnionBranchId) && !units.Contains(p.OrganisationId)));
    }

    /// <summary>
    /// The ids of the people in the scopes, by unit and by branch, each side read from its own index. A subquery, not
    /// a list of ids: the database joins it, and one statement stays one statement. Not the disjoint sets of
    /// <see cref="VisibleIn(IQueryable{Person}, AppDbContext, IReadOnlyList{string?})"/>: inside an IN a person twice
    /// does no harm, and leaving out their units' path test made a cell's start page twice as fast (63 vs 97–132 ms).
    /// </summary>
    private static IQueryable<Guid> VisiblePeople(AppDbContext db, IReadOnlyList<string?> scopes)
    {
        var units = db.Organisations.Within(scopes).Select(o => (Guid?)o.Id);
        return db.People.Where(p => units.Contains(p.OrganisationId)).Select(p => p.Id)
            .Concat(db.People.Where(p => units.Contains(p.UnionBranchId)).Select(p => p.Id));
    }

    /// <summary>
    /// Cases a user may see: those of a cell in their subtrees, and those of the people they may see
    /// (a homeroom teacher sees her class's candidates, not the whole cell's).
    /// </summary>
    public static IQueryable<CaseRecord> VisibleIn(this IQueryable<CaseRecord> cases, AppDbContext db, IReadOnlyList<string?> scopes)
    {
        if (scopes.Any(s => s is null))
        {
            return cases;
        }

        if (!db.Database.IsNpgsql())
        {
            var units = db.Organisations.Within(scopes).Select(o => (Guid?)o.Id);
            return cases.Where(c => units.Contains(c.CellId) || units.Contains(c.Person!.OrganisationId) || units.Contains(c.Person.UnionBranchId));
        }

        // As for the people: each way in read from its own index, where an OR would read every case and every person.
        // Only cells hold cases: said here, the planner expects few and reads their cases from the cell index.
        var cells = db.Organisations.Within(scopes).Where(o => o.Kind == OrganisationKind.Cell).Select(o => (Guid?)o.Id);
        var people = VisiblePeople(db, scopes);
        var visible = db.Cases.Where(c => cells.Contains(c.CellId)).Select(c => c.Id)
            .Concat(db.Cases.Where(c => people.Contains(c.PersonId)).Select(c => c.Id));
        return cases.Where(c => visible.Contains(c.Id));
    }

    public static IQueryable<Organisation> Within(this IQueryable<Organisation> organisations, IReadOnlyList<string?> scopes) =>
        organisations.WithinPaths(o => o.Path, scopes);

    /// <summary>Rows whose organisation path starts with one of the scopes: an indexed prefix match on both databases.</summary>
    public static IQueryable<T> WithinPaths<T>(this IQueryable<T> rows, Expression<Func<T, string>> pathOf, IReadOnlyList<string?> scopes)
    {
        if (scopes.Any(s => s is null))
        {
            return rows;
        }

        if (scopes.Count == 0)
        {
            return rows.Where(_ => false);
        }

        return rows.Where(StartsWithAny(pathOf, scopes));
    }

    /// <summary>row => path(row).StartsWith(s1) || path(row).StartsWith(s2) || … over scopes that are all paths.</summary>
    private static Expression<Func<T, bool>> StartsWithAny<T>(Expression<Func<T, string>> pathOf, IReadOnlyList<string?> scopes)
    {
        var body = scopes
            .Select(s => (Expression)Expression.Call(pathOf.Body, StartsWith, Expression.Constant(s)))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<T, bool>>(body, pathOf.Parameters);
    }

    private static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> test) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(test.Body), test.Parameters);
}
