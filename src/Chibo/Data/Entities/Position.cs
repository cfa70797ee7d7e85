namespace Chibo.Data.Entities;

public enum PositionKind
{
    Secretary,
    DeputySecretary,
    StandingDeputySecretary,
    CommitteeMember,
    OrganisationDepartmentHead,
    OrganisationDepartmentDeputyHead,
    UnionSecretary,
    UnionDeputySecretary,
    BranchSecretary,
    HomeroomTeacher,
    BoardChair,
    Principal,
    VicePrincipal,
    DepartmentHead,
    Staff,
    Other,
}

/// <summary>A position held in an organisation between two dates (Bí thư chi bộ, GVCN lớp K23N3…).</summary>
public sealed class Position
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public PositionKind Kind { get; set; }
    /// <summary>The title as people write it, e.g. "Phó Trưởng Ban Tổ chức Quận ủy".</summary>
    public required string Title { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
}
