using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;

namespace Chibo.Domain.Cases;

/// <summary>
/// The paper a step produced: its form (e.g. <c>6-KNĐ</c>), the guidance that defines the form
/// (number + issuer + date: "12-HD/BTCTW" alone names three documents), and the document's own number.
/// </summary>
public sealed record DocumentRef(string FormCode, LegalSource FormGuidance, string? Number = null);

/// <summary>For and eligible: officialMembers for a cell, committeeMembers for a committee.</summary>
public sealed record VoteCount(int For, int Eligible);

/// <summary>One step of a case: what happened, when, who did it, its paper and, for votes, the counts.</summary>
public sealed record CaseStep(EventKind Kind, DateOnly Date, string Actor)
{
    public DocumentRef? Document { get; init; }

    public VoteCount? Vote { get; init; }

    /// <summary>Who issued the step's paper when that is not the cell (the political centre for a certificate).</summary>
    public string? Issuer { get; init; }

    /// <summary>Introducer, helper: the member id the step names.</summary>
    public string? Member { get; init; }

    /// <summary>The day a decision reached the cell, when later than its date.</summary>
    public DateOnly? Received { get; init; }

    public bool Extended { get; init; }

    public bool Replacement { get; init; }

    public bool DelayApproved { get; init; }

    internal DossierEvent ToEvent(int index) => new(Kind, Date)
    {
        Index = index,
        Member = Member,
        Number = Document?.Number,
        Issuer = Issuer,
        VotesFor = Vote?.For ?? 0,
        Voters = Vote?.Eligible ?? 0,
        Received = Received,
        Extended = Extended,
        Replacement = Replacement,
        DelayApproved = DelayApproved,
    };
}
