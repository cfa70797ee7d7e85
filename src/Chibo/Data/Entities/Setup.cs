namespace Chibo.Data.Entities;

/// <summary>The steps of the guided setup, in order. Stored as a string, so steps can be added later.</summary>
public enum SetupStep
{
    Organisation,
    People,
    Proposal,
    Team,
    Done,
}

/// <summary>
/// The guided setup of an installation: how far it got and what it created, so that an abandoned setup
/// resumes where it stopped and settings can change every choice later. One row per installation.
/// </summary>
public sealed class SetupState : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public SetupStep Step { get; set; }
    public Guid? CellId { get; set; }
    public Organisation? Cell { get; set; }
    public Guid? SchoolId { get; set; }
    public Organisation? School { get; set; }
    /// <summary>The rulebook the cell confirmed as in force when it set up (informational: each step is judged by the rulebook of its date).</summary>
    public string? RulebookId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A one-time invitation to create an account with a role fixed by the inviter. Only hashes of the link's
/// token and of the slip's code are stored: neither can be read back, and no password is ever sent.
/// </summary>
public sealed class Invitation : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>SHA-256 of the token in the sign-up link, hex.</summary>
    public required string TokenHash { get; set; }
    /// <summary>SHA-256 of the short code printed on the slip, hex.</summary>
    public required string CodeHash { get; set; }
    /// <summary>Who is invited, as the inviter wrote it; the account's display name.</summary>
    public required string DisplayName { get; set; }
    public Role Role { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string InvitedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public string? UsedByUserId { get; set; }
    public DateTime? RevokedAt { get; set; }
    public int Version { get; set; }
}
