using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Forms;

/// <summary>
/// The register of document numbers (sổ đăng ký văn bản): per issuing body, document type and year, the next
/// number is taken in the transaction that issues the document, and the document is entered with it.
/// </summary>
public sealed class NumberRegister(AppDbContext db, CurrentUser me, TimeProvider clock)
{
    /// <summary>Who may read a body's register: its committee and the organisation department above.</summary>
    public static readonly Role[] Readers = [Role.CellSecretary, Role.CellCommittee, Role.OrganisationDepartment, Role.Administrator];

    /// <summary>The part after the slash: "CB" for a cell, "ĐTN" for a Youth Union body, "ĐU" for a Party committee.</summary>
    public static string Suffix(Organisation issuer) => issuer.Kind switch
    {
        OrganisationKind.Cell => "CB",
        OrganisationKind.UnionSchool or OrganisationKind.UnionCommittee or OrganisationKind.UnionBranch => "ĐTN",
        _ => "ĐU",
    };

    /// <summary>"…-NQ/CB": the number of a document not yet issued.</summary>
    public static string Draft(Organisation issuer, string symbol) => $"…-{symbol}/{Suffix(issuer)}";

    /// <summary>
    /// Takes the next number and enters the document, unsaved: the caller saves it with the document in the
    /// transaction it has open. The counter's row is raised by one UPDATE, which holds the row (PostgreSQL) or
    /// the database (SQLite) until that transaction ends; a concurrent issue waits and gets the next number.
    /// </summary>
    public async Task<IssuedDocument> IssueAsync(Organisation issuer, string symbol, DateOnly date, string formCode, string title, Guid? caseId = null, Guid? meetingId = null, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A number is taken only inside the transaction that issues the document.");
        }

        var year = date.Year;
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "NumberCounters" ("Id", "OrganisationId", "Symbol", "Year", "Last") VALUES ({Guid.CreateVersion7()}, {issuer.Id}, {symbol}, {year}, 0) ON CONFLICT ("OrganisationId", "Symbol", "Year") DO NOTHING""",
            cancellationToken);
        var counter = db.NumberCounters.Where(c => c.OrganisationId == issuer.Id && c.Symbol == symbol && c.Year == year);
        await counter.ExecuteUpdateAsync(u => u.SetProperty(c => c.Last, c => c.Last + 1), cancellationToken);
        var sequence = await counter.Select(c => c.Last).SingleAsync(cancellationToken);
        var issued = new IssuedDocument
        {
            OrganisationId = issuer.Id,
            Symbol = symbol,
            Year = year,
            Sequence = sequence,
            Number = $"{sequence:00}-{symbol}/{Suffix(issuer)}",
            FormCode = formCode,
            Title = title,
            Date = date,
            CaseId = caseId,
            MeetingId = meetingId,
            IssuedBy = me.DisplayName,
            IssuedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.IssuedDocuments.Add(issued);
        return issued;
    }

    /// <summary>
    /// Runs <paramref name="issue"/> in one transaction (retried as the provider's strategy says) and commits it;
    /// when it returns null, everything it did is rolled back and forgotten.
    /// </summary>
    public async Task<T?> InTransactionAsync<T>(Func<Task<T?>> issue, CancellationToken cancellationToken = default)
        where T : class
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await issue();
            if (result is null)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return null;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
    }
}
