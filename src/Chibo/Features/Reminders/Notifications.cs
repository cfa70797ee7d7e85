using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Reminders;

/// <summary>The signed-in person's notifications: the unread count in the header, the list, marking read.</summary>
public sealed class Notifications(AppDbContext db, CurrentUser me, TimeProvider time)
{
    private int? _unread;

    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken = default) =>
        _unread ??= me.PersonId is { } person
            ? await db.Notifications.CountAsync(n => n.RecipientPersonId == person && n.ReadAt == null, cancellationToken)
            : 0;

    public async Task<IReadOnlyList<Notification>> ListAsync(bool unreadOnly, CancellationToken cancellationToken = default)
    {
        if (me.PersonId is not { } person)
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
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientPersonId == me.PersonId, cancellationToken);
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
        var unread = await db.Notifications.Where(n => n.RecipientPersonId == me.PersonId && n.ReadAt == null).ToListAsync(cancellationToken);
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
