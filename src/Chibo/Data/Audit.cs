using System.Security.Claims;
using System.Text.Json;
using Chibo.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chibo.Data;

/// <summary>Who is acting: the signed-in user on a web request, otherwise the process (a command-line verb).</summary>
public sealed class AuditActor(IHttpContextAccessor http)
{
    public static string ProcessActor { get; set; } = "chibo";

    public (string? UserId, string Actor) Current()
    {
        var user = http.HttpContext?.User;
        var id = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is null ? (null, ProcessActor) : (id, user!.Identity?.Name ?? id);
    }
}

/// <summary>
/// Writes an audit entry for every insert, update and delete saved through EF, in the same transaction
/// as the change itself, so there is never a change without its entry or an entry without its change.
/// </summary>
public sealed class AuditInterceptor(AuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    // Secrets and bookkeeping never go into the log, not even hashed.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp),
        nameof(IVersioned.Version), nameof(IdentityUser.AccessFailedCount), nameof(IdentityUser.LockoutEnd),
        nameof(Invitation.TokenHash), nameof(Invitation.CodeHash),
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddEntries(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var (userId, name) = actor.Current();
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e))
            .Select(e => new AuditEntry
            {
                At = now,
                UserId = userId,
                Actor = name,
                Action = e.State switch { EntityState.Added => "create", EntityState.Deleted => "delete", _ => "update" },
                EntityType = e.Metadata.ClrType.Name,
                EntityId = string.Join(",", e.Metadata.FindPrimaryKey()!.Properties.Select(p => e.Property(p.Name).CurrentValue)),
                Changes = Describe(e),
            })
            .ToList();
        context.Set<AuditEntry>().AddRange(entries);
    }

    private static bool IsAudited(EntityEntry entry) =>
        entry.Entity is not AuditEntry
        && entry.Metadata.ClrType.Namespace?.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal) != true
        && !(entry.Entity is IdentityUserToken<string>)
        // A sheet waiting between preview and commit, and the cache counters, are no records: the import is audited.
        && entry.Entity is not (Entities.PendingUpload or Entities.ChangeCounter);

    private static string? Describe(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var field = property.Metadata.Name;
            if (Hidden.Contains(field))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    if (property.CurrentValue is not null)
                    {
                        changes[field] = new { after = property.CurrentValue };
                    }

                    break;
                case EntityState.Deleted:
                    changes[field] = new { before = property.OriginalValue };
                    break;
                default:
                    if (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
                    {
                        changes[field] = new { before = property.OriginalValue, after = property.CurrentValue };
                    }

                    break;
            }
        }

        return changes.Count == 0 ? null : JsonSerializer.Serialize(changes, AuditJson.Options);
    }
}

/// <summary>Records reads of personal files: a view is saved at once, on its own.</summary>
public sealed class AuditLog(AppDbContext db, AuditActor actor, TimeProvider clock)
{
    public async Task RecordViewAsync(string entityType, Guid entityId, CancellationToken cancellationToken = default)
    {
        var (userId, name) = actor.Current();
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            Actor = name,
            Action = "view",
            EntityType = entityType,
            EntityId = entityId.ToString(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Records an action on many records at once — a list exported, a sheet imported — with what it covered
    /// (filters, counts, the people's ids) as JSON. Saved at once, inside the caller's transaction if any.
    /// </summary>
    public async Task RecordAsync(string action, string entityType, string entityId, object details, CancellationToken cancellationToken = default)
    {
        var (userId, name) = actor.Current();
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            Actor = name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Changes = JsonSerializer.Serialize(details, AuditJson.Options),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
