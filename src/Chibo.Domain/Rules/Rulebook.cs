namespace Chibo.Domain.Rules;

/// <summary>
/// A Party text a rule rests on. The number alone is ambiguous ("12-HD/BTCTW" names documents of 2012,
/// 2018 and 2022), so number, issuer and date are always kept together.
/// </summary>
public sealed record LegalSource(string Type, string Number, string Issuer, DateOnly Date)
{
    /// <summary>e.g. "Quy định 294-QĐ/TW ngày 26/5/2025 của Ban Chấp hành Trung ương".</summary>
    public string Citation => $"{Type} {Number} ngày {VietnameseDates.Short(Date)} của {Issuer}";
}

/// <summary>The numbers a rulebook sets. Every one is data, so a new text changes a rulebook, not code.</summary>
public sealed record RulebookParameters
{
    public required int MinAgeMonths { get; init; }

    public required int MaxAgeMonths { get; init; }

    public required int MinEducationGrade { get; init; }

    public required int CertificateValidityMonths { get; init; }

    public required int IntroducerAcquaintanceMonths { get; init; }

    /// <summary>A vote passes when votesFor / voters is at least Numerator / Denominator.</summary>
    public required int VoteThresholdNumerator { get; init; }

    public required int VoteThresholdDenominator { get; init; }

    public required int DecisionWorkingDays { get; init; }

    public required int DecisionExtensionWorkingDays { get; init; }

    public required int CeremonyWorkingDays { get; init; }

    public required int RecognitionDecisionWorkingDays { get; init; }

    public required int RecognitionDecisionExtensionWorkingDays { get; init; }

    public required int DossierStalenessMonths { get; init; }

    public required int ProbationMonths { get; init; }

    public bool VotePasses(int votesFor, int voters) =>
        (long)VoteThresholdDenominator * votesFor >= (long)VoteThresholdNumerator * voters;
}

/// <summary>The rules in force from a date: the texts they come from and the numbers they set.</summary>
public sealed record Rulebook(string Id, DateOnly EffectiveFrom, IReadOnlyList<LegalSource> Sources, RulebookParameters Parameters)
{
    /// <summary>What a finding cites: the regulation and its guidance (the first two sources).</summary>
    public string Basis { get; } = string.Join("; ", Sources.Take(2).Select(s => s.Citation));
}

/// <summary>Several rulebooks, each in force from its date until the next one.</summary>
public sealed class RulebookSet
{
    private readonly Rulebook[] _byDateDescending;

    public RulebookSet(IEnumerable<Rulebook> rulebooks)
    {
        _byDateDescending = [.. rulebooks.OrderByDescending(r => r.EffectiveFrom)];
        if (_byDateDescending.Length == 0)
        {
            throw new ArgumentException("At least one rulebook is needed.", nameof(rulebooks));
        }
    }

    public IReadOnlyList<Rulebook> All => _byDateDescending;

    /// <summary>The rulebook in force on <paramref name="date"/>; before the oldest, the oldest (earlier texts set the same numbers).</summary>
    public Rulebook InForceOn(DateOnly date)
    {
        foreach (var rulebook in _byDateDescending)
        {
            if (rulebook.EffectiveFrom <= date)
            {
                return rulebook;
            }
        }

        return _byDateDescending[^1];
    }
}
