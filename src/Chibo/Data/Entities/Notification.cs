namespace Chibo.Data.Entities;

/// <summary>
/// A reminder addressed to one person: shown in the app until read, and e-mailed once when a mail server is
/// configured. <see cref="Key"/> names the step and the threshold (due soon, overdue), unique per recipient,
/// so a reminder is created once however often and on however many instances the job runs.
/// </summary>
public sealed class Notification : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RecipientPersonId { get; set; }
    public required string Key { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    /// <summary>The page the reminder is about, relative to the site ("/ho-so/…").</summary>
    public string? Link { get; set; }
    public DateOnly? DueOn { get; set; }
    public bool Overdue { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>When an instance took the e-mail to send it; another instance leaves a claimed e-mail alone.</summary>
    public DateTime? EmailClaimedAt { get; set; }
    public DateTime? EmailedAt { get; set; }
    public int Version { get; set; }
}
