using Microsoft.AspNetCore.Identity;

namespace Chibo.Data.Entities;

/// <summary>A sign-in account; linked to the person it belongs to when there is one.</summary>
public sealed class ChiboUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public Guid? PersonId { get; set; }
    /// <summary>Set when a password was generated and shown once; the user must change it.</summary>
    public bool MustChangePassword { get; set; }
}

/// <summary>What a user may do; every role is held over one organisation and everything below it.</summary>
public enum Role
{
    Administrator,
    /// <summary>Ban tổ chức of a superior committee: reads everything below, records decisions.</summary>
    OrganisationDepartment,
    CellSecretary,
    CellCommittee,
    PartyMember,
    UnionSecretary,
    BranchSecretary,
    StudentAffairs,
    HomeroomTeacher,
    Student,
    Editor,
}

/// <summary>A role held by a user over an organisation subtree.</summary>
public sealed class RoleAssignment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string UserId { get; set; }
    public Role Role { get; set; }
    /// <summary>The subtree's root; null only for an administrator of the whole installation.</summary>
    public Guid? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
}
