namespace Chibo.Data.Entities;

/// <summary>A person's membership of the Party: probation, recognition, card, cell.</summary>
public sealed class PartyMembership : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The cell where the member is active now.</summary>
    public Guid CellId { get; set; }
    public Organisation? Cell { get; set; }
    /// <summary>The admission decision's date: seniority counts from it.</summary>
    public DateOnly? AdmittedOn { get; set; }
    /// <summary>The ceremony: the day of joining, when probation starts.</summary>
    public DateOnly ProbationaryFrom { get; set; }
    public DateOnly? OfficialFrom { get; set; }
    public string? CardNumber { get; set; }
    public DateOnly? EndedOn { get; set; }
    public int Version { get; set; }

    public ICollection<MembershipTransfer> Transfers { get; } = [];

    public bool IsOfficialOn(DateOnly date) => OfficialFrom is { } official && official <= date && (EndedOn is null || EndedOn > date);
}

public enum TransferDirection
{
    In,
    Out,
}

/// <summary>Chuyển sinh hoạt đảng: a move into or out of a cell.</summary>
public sealed class MembershipTransfer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MembershipId { get; set; }
    public TransferDirection Direction { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>The other organisation when it is in Chibo.</summary>
    public Guid? OtherOrganisationId { get; set; }
    /// <summary>The other organisation's name as written on the transfer paper.</summary>
    public required string OtherOrganisationName { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// Sinh hoạt đảng tạm thời: a member whose membership stays with a home cell (in Chibo or not) takes part in
/// the life of a host cell for a while (a course, a secondment). The host's meetings list them as attached;
/// they do not vote on the host's resolutions, and the home cell keeps them on its own roll.
/// </summary>
public sealed class PartyAttachment : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The cell the member is attached to.</summary>
    public Guid HostCellId { get; set; }
    public Organisation? HostCell { get; set; }
    /// <summary>The home cell when it is in Chibo.</summary>
    public Guid? HomeCellId { get; set; }
    /// <summary>The home cell as the introduction paper names it.</summary>
    public required string HomeCellName { get; set; }
    public DateOnly From { get; set; }
    /// <summary>The last day of the attachment; null while it lasts.</summary>
    public DateOnly? To { get; set; }
    public string? Reason { get; set; }
    public int Version { get; set; }
}
