using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Reminders;

/// <summary>The signed-in person's notifications: the unread count in the header, the list, marking read.</summary>
public sealed class Notifications(AppDbContext db, CurrentUser me, TimeProvider time)
{
    private int? _unread;

    /// <summary>
    /// Whose notifications this account shows. Reminders are addressed to a person in their working role and
    /// name applicants; an account that only edits the portal (a second account of a committee member, as in
    /// the demo) does not show them.
    /// </summary>
    private Guid? Recipient => me.Grants.Any(g => g.Role != Role.Editor) ? me.PersonId : null;

    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken = default) =>
        _unread ??= Recipient is { } person
            ? await db.Notifications.CountAsync(n => n.RecipientPersonId == person && n.ReadAt == null, cancellationToken)
            : 0;

    public async Task<IReadOnlyList<Notification>> ListAsync(bool unreadOnly, CancellationToken cancellationToken = default)
    {
        if (Recipient is not { } person)
        {
            return [];
        }

        return await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientPersonId == person && (!unreadOnly || n.ReadAt == null))
            .OrderBy(n => n.ReadAt != null).ThenByDescending(n => n.Overdue).ThenBy(n => n.DueOn).ThenByDescending(n => n.CreatedAt)
            .Take(200)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Marks one of my notifications read; false when it is not mine or another tab changed it first.</summary>
    public async Task<bool> MarkReadAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientPersonId == Recipient, cancellationToken);
        if (notification is null || notification.ReadAt is not null)
        {
            return notification is not null;
        }

        db.Entry(notification).Property(n => n.Version).OriginalValue = version;
        notification.ReadAt = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    public async Task<int> MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        var unread = await db.Notifications.Where(n => n.RecipientPersonId == Recipient && n.ReadAt == null).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        unread.ForEach(n => n.ReadAt = now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return unread.Count;
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0;
        }
    }
}
