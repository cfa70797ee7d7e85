using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;

namespace Chibo.Data.Entities;

/// <summary>The stored form of a <see cref="Case"/>: one person's attempt at membership in one cell.</summary>
public sealed class CaseRecord : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public Guid CellId { get; set; }
    public Organisation? Cell { get; set; }
    public Stage Stage { get; set; }
    public DateOnly OpenedOn { get; set; }
    /// <summary>The date of the last step: how long the case has been in its stage.</summary>
    public DateOnly StageSince { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? ClosedBy { get; set; }
    /// <summary>Permission to consider a candidate over 60 (the provincial committee's consent).</summary>
    public bool Over60Approved { get; set; }
    public int Version { get; set; }

    public ICollection<CaseStepRecord> Steps { get; } = [];
}

/// <summary>One recorded step of a case, with who recorded it, when, and the warnings they acknowledged.</summary>
public sealed class CaseStepRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public EventKind Kind { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>The introducer or helper the step names (a party member of the cell).</summary>
    public Guid? MemberPersonId { get; set; }
    /// <summary>
    /// A member named by a dossier that came from another installation (a student changing school): the
    /// name and official date as that file gave them, with <see cref="MemberPersonId"/> empty.
    /// </summary>
    public string? MemberName { get; set; }
    public DateOnly? MemberOfficialSince { get; set; }
    /// <summary>For an introduction: since when the introducer has worked or studied with the applicant.</summary>
    public DateOnly? KnownApplicantSince { get; set; }
    public int? VotesFor { get; set; }
    public int? VotesAgainst { get; set; }
    public int? Eligible { get; set; }
    public string? FormCode { get; set; }
    public string? DocumentNumber { get; set; }
    public string? Issuer { get; set; }
    public DateOnly? Received { get; set; }
    public bool Extended { get; set; }
    public bool Replacement { get; set; }
    public bool DelayApproved { get; set; }
    public string? Note { get; set; }
    /// <summary>Rule ids of the warnings the recorder saw and accepted, comma-separated.</summary>
    public string? AcknowledgedWarnings { get; set; }
    public string? RecordedByUserId { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
    /// <summary>Set when the step was withdrawn as a mistake: it stays on file, with who and why, but no longer counts.</summary>
    public DateTime? VoidedAt { get; set; }
    public string? VoidedBy { get; set; }
    public string? VoidReason { get; set; }
}
