namespace Chibo.Data.Entities;

/// <summary>
/// One line of the append-only audit log: who did what to which record, with the values before and
/// after. The database refuses updates and deletes of these rows (triggers in the migrations).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    /// <summary>The account name, or the command-line verb for changes made outside the web app.</summary>
    public required string Actor { get; set; }
    /// <summary>create, update, delete or view.</summary>
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    /// <summary>JSON object: field → {"before": …, "after": …}; null for a view.</summary>
    public string? Changes { get; set; }
    /// <summary>Why, where the change needed a reason (a correction after a decision).</summary>
    public string? Reason { get; set; }
}
