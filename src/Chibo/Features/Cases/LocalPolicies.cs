using System.Text.Json;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Domain.Rules;
using Microsoft.EntityFrameworkCore;
using DomainRating = Chibo.Domain.Rules.UnionRating;

namespace Chibo.Features.Cases;

/// <summary>
/// A local students' guidance attached to an organisation applies to every cell below it; the nearest one
/// wins. Its findings (prefixed LOCAL-) are shown beside the national ones but never block a step: the
/// regulations decide what a step needs, the local guidance what a cell should look for.
/// </summary>
public sealed class LocalPolicies(AppDbContext db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(StudentPolicy policy) => JsonSerializer.Serialize(policy, Json);

    public static StudentPolicy Deserialize(string json) => JsonSerializer.Deserialize<StudentPolicy>(json, Json)!;

    /// <summary>The guidance in force for <paramref name="cell"/>: its own or its nearest ancestor's.</summary>
    public async Task<StudentPolicy?> ForAsync(Organisation cell, CancellationToken cancellationToken = default)
    {
        var ancestors = cell.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        var withPolicy = await db.Organisations.AsNoTracking()
            .Where(o => ancestors.Contains(o.Id) && o.StudentPolicyJson != null)
            .Select(o => new { o.Path, o.StudentPolicyJson })
            .ToListAsync(cancellationToken);
        var nearest = withPolicy.OrderByDescending(o => o.Path.Length).FirstOrDefault();
        return nearest is null ? null : Deserialize(nearest.StudentPolicyJson!);
    }

    /// <summary>The local findings for a case today: the applicant's recent terms and time on the sympathizer list.</summary>
    public async Task<IReadOnlyList<Finding>> CheckAsync(LoadedCase loaded, DateOnly today, CancellationToken cancellationToken = default)
    {
        var stage = loaded.Case.Stage;
        if (stage >= Stage.Admitted || stage.IsTerminal() || await ForAsync(loaded.Cell, cancellationToken) is not { } policy)
        {
            return [];
        }

        var terms = await db.StudentTerms.AsNoTracking()
            .Where(t => t.PersonId == loaded.Applicant.Id)
            .OrderBy(t => t.SchoolYear).ThenBy(t => t.Semester)
            .ToListAsync(cancellationToken);
        var records = terms.Select(t => new TermRecord($"{t.Semester}/{t.SchoolYear}–{t.SchoolYear + 1}", Grade(t.Learning), t.ConductScore, Rating(t.UnionRating))).ToList();
        var findings = StudentPolicyRules.Check(policy, records, loaded.Case.ToDossier(today), today);

        // Time on the sympathizer list is a condition of the vote: before the dossier stage it is not yet due.
        return stage >= Stage.Applying ? findings : [.. findings.Where(f => f.Rule != StudentPolicyRules.SympathizerTooShort)];
    }

    internal static LearningGrade Grade(LearningRank rank) => rank switch
    {
        LearningRank.Excellent => LearningGrade.Excellent,
        LearningRank.VeryGood => LearningGrade.Good,
        LearningRank.Good => LearningGrade.Fair,
        LearningRank.Average => LearningGrade.Average,
        LearningRank.Weak => LearningGrade.Weak,
    };

    internal static DomainRating Rating(Data.Entities.UnionRating? rating) => rating switch
    {
        Data.Entities.UnionRating.Outstanding => DomainRating.ExcellentlyCompleted,
        Data.Entities.UnionRating.Good => DomainRating.WellCompleted,
        Data.Entities.UnionRating.Completed => DomainRating.Completed,
        Data.Entities.UnionRating.NotCompleted or null => DomainRating.NotCompleted,
    };
}
