using System.Linq.Expressions;
using Chibo.Data.Entities;

namespace Chibo.Access;

/// <summary>Query filters that keep every list inside the user's subtrees.</summary>
public static class ScopeFilters
{
    private static readonly System.Reflection.MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;

    /// <summary>People whose unit lies in one of <paramref name="scopes"/> (a null scope is everywhere).</summary>
    public static IQueryable<Person> Within(this IQueryable<Person> people, IReadOnlyList<string?> scopes) =>
        people.WithinPaths(p => p.Organisation!.Path, scopes);

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

        // row => path(row).StartsWith(s1) || path(row).StartsWith(s2) || …
        var body = scopes
            .Select(s => (Expression)Expression.Call(pathOf.Body, StartsWith, Expression.Constant(s)))
            .Aggregate(Expression.OrElse);
        return rows.Where(Expression.Lambda<Func<T, bool>>(body, pathOf.Parameters));
    }
}
