using Chibo.Domain.Dossiers;

namespace Chibo.Domain.Rules;

/// <summary>Xếp loại học tập, lowest to highest.</summary>
public enum LearningGrade
{
    Weak,
    Average,
    Fair,
    Good,
    Excellent,
}

/// <summary>Xếp loại đoàn viên, lowest to highest.</summary>
public enum UnionRating
{
    NotCompleted,
    Completed,
    WellCompleted,
    ExcellentlyCompleted,
}

/// <summary>One term of a student's record, as the Student Affairs Office and the union report it.</summary>
public sealed record TermRecord(string Term, LearningGrade Learning, int ConductScore, UnionRating UnionRating);

/// <summary>
/// A local guidance's thresholds for students (e.g. a district's Hướng dẫn on building the source among
/// students). Local: never part of <c>chibo check</c>, whose file format has no policy; findings are prefixed <c>LOCAL-</c>.
/// </summary>
public sealed record StudentPolicy(
    string Id,
    string Title,
    LegalSource? Source,
    bool IsExample,
    int RecentTerms,
    LearningGrade MinLearning,
    int MinConductScore,
    UnionRating MinUnionRating,
    int MinSympathizerMonths)
{
    /// <summary>
    /// AN EXAMPLE TO ADJUST, not any district's actual text: typical values of students' guidance
    /// (learning "khá" or better and conduct "tốt" (≥ 80) in the last two terms, union rating
    /// "hoàn thành tốt nhiệm vụ", six months on the sympathizer list). Replace with the district's own numbers.
    /// </summary>
    public static StudentPolicy Example { get; } = new(
        "example-students",
        "Ví dụ hướng dẫn tạo nguồn trong học sinh, sinh viên (cần điều chỉnh theo hướng dẫn của cấp ủy địa phương)",
        null,
        IsExample: true,
        RecentTerms: 2,
        MinLearning: LearningGrade.Fair,
        MinConductScore: 80,
        MinUnionRating: UnionRating.WellCompleted,
        MinSympathizerMonths: 6);
}

/// <summary>The local rules a <see cref="StudentPolicy"/> adds on top of the national ones.</summary>
public static class StudentPolicyRules
{
    /// <summary>Fewer terms on record than the policy looks at.</summary>
    public const string TermsMissing = "LOCAL-TERMS-MISSING";

    /// <summary>A recent term's learning grade below the policy's minimum.</summary>
    public const string LearningBelow = "LOCAL-LEARNING-BELOW";

    /// <summary>A recent term's conduct score (điểm rèn luyện) below the policy's minimum.</summary>
    public const string ConductBelow = "LOCAL-CONDUCT-BELOW";

    /// <summary>A recent term's Youth Union rating below the policy's minimum.</summary>
    public const string UnionRatingBelow = "LOCAL-UNION-RATING-BELOW";

    /// <summary>Less time on the sympathizer list than the policy asks before the vote.</summary>
    public const string SympathizerTooShort = "LOCAL-SYMPATHIZER-TOO-SHORT";

    /// <summary>
    /// Judges the last <see cref="StudentPolicy.RecentTerms"/> terms (oldest first in <paramref name="terms"/>) and the
    /// time on the sympathizer list up to <paramref name="on"/> (the vote date, or today before a vote).
    /// </summary>
    public static IReadOnlyList<Finding> Check(StudentPolicy policy, IReadOnlyList<TermRecord> terms, Dossier dossier, DateOnly on)
    {
        var basis = policy.Source?.Citation ?? policy.Title;
        var findings = new List<Finding>();
        if (terms.Count < policy.RecentTerms)
        {
            findings.Add(new Finding(TermsMissing, Severity.Error,
                $"Chỉ có kết quả {terms.Count} học kỳ (cần {policy.RecentTerms} học kỳ gần nhất)", basis));
        }

        foreach (var term in terms.Skip(Math.Max(0, terms.Count - policy.RecentTerms)))
        {
            if (term.Learning < policy.MinLearning)
            {
                findings.Add(new Finding(LearningBelow, Severity.Error,
                    $"Học kỳ {term.Term}: học tập xếp loại {Name(term.Learning)} (cần {Name(policy.MinLearning)} trở lên)", basis));
            }

            if (term.ConductScore < policy.MinConductScore)
            {
                findings.Add(new Finding(ConductBelow, Severity.Error,
                    $"Học kỳ {term.Term}: điểm rèn luyện {term.ConductScore} (cần ít nhất {policy.MinConductScore})", basis));
            }

            if (term.UnionRating < policy.MinUnionRating)
            {
                findings.Add(new Finding(UnionRatingBelow, Severity.Error,
                    $"Học kỳ {term.Term}: đoàn viên xếp loại {Name(term.UnionRating)} (cần {Name(policy.MinUnionRating)} trở lên)", basis));
            }
        }

        var listed = dossier.Events.FirstOrDefault(e => e.Kind == EventKind.SympathizerListed);
        var months = listed is null ? 0 : Math.Max(0, VietnameseDates.FullMonths(listed.Date, on));
        if (months < policy.MinSympathizerMonths)
        {
            findings.Add(new Finding(SympathizerTooShort, Severity.Error,
                $"Mới ở danh sách cảm tình Đảng {months} tháng (cần ít nhất {policy.MinSympathizerMonths} tháng)", basis));
        }

        return findings;
    }

    public static string Name(LearningGrade grade) => grade switch
    {
        LearningGrade.Weak => "yếu",
        LearningGrade.Average => "trung bình",
        LearningGrade.Fair => "khá",
        LearningGrade.Good => "giỏi",
        LearningGrade.Excellent => "xuất sắc",
        _ => grade.ToString(),
    };

    public static string Name(UnionRating rating) => rating switch
    {
        UnionRating.NotCompleted => "không hoàn thành nhiệm vụ",
        UnionRating.Completed => "hoàn thành nhiệm vụ",
        UnionRating.WellCompleted => "hoàn thành tốt nhiệm vụ",
        UnionRating.ExcellentlyCompleted => "hoàn thành xuất sắc nhiệm vụ",
        _ => rating.ToString(),
    };
}
