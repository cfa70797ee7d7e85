using Microsoft.EntityFrameworkCore;

namespace Chibo.Data;

/// <summary>
/// Runs a batch of use cases in one transaction: when any of them reports a problem, everything the batch
/// wrote is rolled back and the tracked changes are dropped, so a bulk action never leaves half its work.
/// </summary>
public static class AllOrNothing
{
    /// <param name="batch">Runs the use cases and returns the problems they reported (empty: commit).</param>
    public static async Task<IReadOnlyList<string>> RunAsync(AppDbContext db, Func<Task<IReadOnlyList<string>>> batch, CancellationToken cancellationToken = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var problems = await batch();
            if (problems.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return problems;
            }

            await transaction.CommitAsync(cancellationToken);
            return problems;
        });
    }
}
