namespace Chibo.Domain.Rules;

/// <summary>
/// The national rulebooks. Public sources give the same numbers in every one; what changes is the text a
/// finding cites. Add a rulebook here (or load one as data) when a new regulation takes effect.
/// </summary>
public static class Rulebooks
{
    private const string CentralCommittee = "Ban Chấp hành Trung ương";
    private const string Secretariat = "Ban Bí thư";
    private const string OrganisationCommission = "Ban Tổ chức Trung ương";

    /// <summary>The numbers of the Party Statute's implementing regulations since 2016 (29-QĐ/TW, 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW).</summary>
    public static readonly RulebookParameters StatuteNumbers = new()
    {
        MinAgeMonths = 216,
        MaxAgeMonths = 720,
        MinEducationGrade = 9,
        CertificateValidityMonths = 60,
        IntroducerAcquaintanceMonths = 12,
        VoteThresholdNumerator = 2,
        VoteThresholdDenominator = 3,
        DecisionWorkingDays = 60,
        DecisionExtensionWorkingDays = 30,
        CeremonyWorkingDays = 30,
        RecognitionDecisionWorkingDays = 30,
        RecognitionDecisionExtensionWorkingDays = 30,
        DossierStalenessMonths = 12,
        ProbationMonths = 12,
    };

    private static readonly LegalSource Forms2022 =
        new("Hướng dẫn", "12-HD/BTCTW", OrganisationCommission, new DateOnly(2022, 1, 18));

    private static readonly LegalSource Guidance2021 =
        new("Hướng dẫn", "01-HD/TW", Secretariat, new DateOnly(2021, 9, 28));

    /// <summary>From 30/7/2021: Quy định 24-QĐ/TW; Hướng dẫn 01-HD/TW; forms of Hướng dẫn 12-HD/BTCTW (2022).</summary>
    public static readonly Rulebook Vn2021 = new(
        "vn-2021",
        new DateOnly(2021, 7, 30),
        [new LegalSource("Quy định", "24-QĐ/TW", CentralCommittee, new DateOnly(2021, 7, 30)), Guidance2021, Forms2022],
        StatuteNumbers);

    /// <summary>From 20/01/2025: Quy định 232-QĐ/TW amends 24-QĐ/TW; the 2021 guidance and forms stay in use.</summary>
    public static readonly Rulebook Vn2025January = new(
        "vn-2025-01",
        new DateOnly(2025, 1, 20),
        [new LegalSource("Quy định", "232-QĐ/TW", CentralCommittee, new DateOnly(2025, 1, 20)), Guidance2021, Forms2022],
        StatuteNumbers);

    /// <summary>From 01/7/2025: Quy định 294-QĐ/TW (26/5/2025) and Hướng dẫn 06-HD/TW (09/6/2025).</summary>
    public static readonly Rulebook Vn2025July = new(
        "vn-2025-07",
        new DateOnly(2025, 7, 1),
        [
            new LegalSource("Quy định", "294-QĐ/TW", CentralCommittee, new DateOnly(2025, 5, 26)),
            new LegalSource("Hướng dẫn", "06-HD/TW", Secretariat, new DateOnly(2025, 6, 9)),
            Forms2022,
        ],
        StatuteNumbers);

    /// <summary>All national rulebooks.</summary>
    public static RulebookSet Vietnam { get; } = new([Vn2021, Vn2025January, Vn2025July]);
}
