namespace Chibo.Domain.Rules;

/// <summary>The identifiers of the national rules, exactly as CHECK.md names them. Each carries its legal basis.</summary>
public static class RuleIds
{
    /// <summary>Steps in the order of Hướng dẫn 01-HD/TW (2021) / 06-HD/TW (2025), "thủ tục kết nạp".</summary>
    public const string Sequence = "SEQUENCE";

    /// <summary>Điều lệ Đảng, Điều 1; 24-QĐ/TW / 294-QĐ/TW: a full 18 years (counted in months) on the day the cell considers.</summary>
    public const string AgeMin = "AGE-MIN";

    /// <summary>Same texts: at most a full 60 years, unless the provincial committee agrees.</summary>
    public const string AgeMax = "AGE-MAX";

    /// <summary>24-QĐ/TW / 294-QĐ/TW: at least lower secondary education (THCS).</summary>
    public const string EducationMin = "EDUCATION-MIN";

    /// <summary>Hướng dẫn 01-HD/TW / 06-HD/TW: the awareness-class certificate (CN-NTVĐ) comes before the vote.</summary>
    public const string CertMissing = "CERT-MISSING";

    /// <summary>Same guidance: the certificate is valid 60 months from issue.</summary>
    public const string CertExpired = "CERT-EXPIRED";

    /// <summary>Application 1-KNĐ (Hướng dẫn 12-HD/BTCTW, 2022).</summary>
    public const string ApplicationMissing = "APPLICATION-MISSING";

    /// <summary>Background form 2-KNĐ.</summary>
    public const string BackgroundFormMissing = "BACKGROUND-FORM-MISSING";

    /// <summary>Background verification concludes before the cell votes.</summary>
    public const string BackgroundNotVerified = "BACKGROUND-NOT-VERIFIED";

    /// <summary>A Youth Union member is introduced by the union committee's resolution 4-KNĐ.</summary>
    public const string UnionResolutionMissing = "UNION-RESOLUTION-MISSING";

    /// <summary>Điều lệ Đảng, Điều 4: two official members, or one plus the union's resolution.</summary>
    public const string IntroducersMissing = "INTRODUCERS-MISSING";

    /// <summary>An introducer must be an official member.</summary>
    public const string IntroducerNotOfficial = "INTRODUCER-NOT-OFFICIAL";

    /// <summary>An introducer has worked or studied with the applicant ≥ 12 months (a replacement is exempt).</summary>
    public const string IntroducerUnder12Months = "INTRODUCER-UNDER-12-MONTHS";

    /// <summary>Opinions summary 5-KNĐ.</summary>
    public const string OpinionsMissing = "OPINIONS-MISSING";

    /// <summary>A dossier more than 12 months without a cell proposal must redo introductions and opinions.</summary>
    public const string DossierStale = "DOSSIER-STALE";

    /// <summary>Điều lệ Đảng, Điều 4: at least 2/3 of the cell's official members (6-KNĐ).</summary>
    public const string CellVoteBelowTwoThirds = "CELL-VOTE-BELOW-TWO-THIRDS";

    /// <summary>Where the cell sits under a grassroots committee, its resolution 8-KNĐ precedes the decision.</summary>
    public const string CommitteeResolutionMissing = "COMMITTEE-RESOLUTION-MISSING";

    /// <summary>Committee resolutions (8-KNĐ, 15-KNĐ) need 2/3 of committee members.</summary>
    public const string CommitteeVoteBelowTwoThirds = "COMMITTEE-VOTE-BELOW-TWO-THIRDS";

    /// <summary>Decision within 60 working days of the resolution, extendable by 30.</summary>
    public const string DecisionLate = "DECISION-LATE";

    /// <summary>Same limit, decision still missing at asOf.</summary>
    public const string DecisionOverdue = "DECISION-OVERDUE";

    /// <summary>Ceremony within 30 working days of receiving the decision, later only with the superior's consent.</summary>
    public const string CeremonyLate = "CEREMONY-LATE";

    /// <summary>Same limit, ceremony still missing at asOf.</summary>
    public const string CeremonyOverdue = "CEREMONY-OVERDUE";

    /// <summary>Điều lệ Đảng, Điều 5: 12 months of probation from the ceremony before recognition.</summary>
    public const string ProbationIncomplete = "PROBATION-INCOMPLETE";

    /// <summary>The new-member political course during probation.</summary>
    public const string NewMemberCourseMissing = "NEW-MEMBER-COURSE-MISSING";

    /// <summary>Self-review 10-KNĐ.</summary>
    public const string SelfReviewMissing = "SELF-REVIEW-MISSING";

    /// <summary>Helper's comment 11-KNĐ.</summary>
    public const string HelperCommentMissing = "HELPER-COMMENT-MISSING";

    /// <summary>Opinions summary during probation 12-KNĐ.</summary>
    public const string ProbationOpinionsMissing = "PROBATION-OPINIONS-MISSING";

    /// <summary>Recognition resolution 13-KNĐ: same 2/3 rule.</summary>
    public const string RecognitionVoteBelowTwoThirds = "RECOGNITION-VOTE-BELOW-TWO-THIRDS";

    /// <summary>Recognition decision within 30 working days (+30).</summary>
    public const string RecognitionDecisionLate = "RECOGNITION-DECISION-LATE";

    /// <summary>The cell assigns an official member to help each sympathizer.</summary>
    public const string HelperMissing = "HELPER-MISSING";

    /// <summary>The rules whose findings are warnings: shown and recorded, acknowledged rather than blocking.</summary>
    public static readonly IReadOnlySet<string> Warnings = new HashSet<string>(StringComparer.Ordinal)
    {
        DecisionLate, DecisionOverdue, CeremonyOverdue, RecognitionDecisionLate, HelperMissing,
    };
}
