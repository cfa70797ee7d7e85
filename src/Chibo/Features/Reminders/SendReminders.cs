using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;
using Chibo.Features.Cases;
using Chibo.Features.Inspection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chibo.Features.Reminders;

/// <summary>What one run did: reminders found due, notifications added, e-mails sent; skipped while another instance ran the job.</summary>
public sealed record ReminderRun(int Due, int Created, int Emailed, bool Skipped = false);

/// <summary>
/// The daily reminder job: finds the steps falling due within <see cref="ReminderOptions.WorkingDaysAhead"/>
/// working days or overdue, and the tasks past due; tells the responsible people in the app and by e-mail.
/// One instance at a time runs it (<see cref="JobLock"/> on PostgreSQL). Safe to run twice, and again after a
/// crash: a notification is unique per recipient and key in the database, and an e-mail is claimed through the
/// row's concurrency version before it is sent.
/// </summary>
public sealed class SendReminders(AppDbContext db, CaseAppraisals appraisals, CaseDigests digests, ReminderMailer mailer, IOptions<ReminderOptions> options, TimeProvider time, ILogger<SendReminders> log)
{
    private static readonly PositionKind[] CellCommittee =
        [PositionKind.Secretary, PositionKind.DeputySecretary, PositionKind.StandingDeputySecretary, PositionKind.CommitteeMember];

    /// <summary>An e-mail claimed this long ago and not sent was abandoned by a stopped instance: take it again.</summary>
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Notifications older than this are not e-mailed any more (e.g. those made before a mail server was set).</summary>
    private static readonly TimeSpan EmailWindow = TimeSpan.FromDays(7);

    /// <summary>One reminder before it is addressed: <see cref="Key"/> names the step and the threshold.</summary>
    public sealed record Due(string Key, string Subject, string Body, string? Link, DateOnly DueOn, bool Overdue, IReadOnlyCollection<Guid> Recipients);

    public async Task<ReminderRun> RunAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var turn = await JobLock.TryTakeAsync(db, "reminders", cancellationToken);
        if (turn is null)
        {
            return new ReminderRun(0, 0, 0, Skipped: true);
        }

        // The daily run also stores every open case's appraisal as of today, for the inspection list: findings change with
        // the date. A few cells at a time, so a national database's cases are never all in memory at once.
        var audience = await AudienceAsync(today, cancellationToken);
        var (due, created) = (0, 0);
        await foreach (var cases in appraisals.InBatchesAsync(db.Cases, today, cancellationToken: cancellationToken))
        {
            await digests.StoreAsync(cases, today, cancellationToken);
            var found = Find(today, cases, audience);
            due += found.Sum(d => d.Recipients.Count);
            created += await StoreAsync(found, cancellationToken);
        }

        var tasks = await TasksDueAsync(today, cancellationToken);
        due += tasks.Sum(d => d.Recipients.Count);
        created += await StoreAsync(tasks, cancellationToken);
        var emailed = mailer.IsConfigured ? await EmailAsync(cancellationToken) : 0;
        return new ReminderRun(due, created, emailed);
    }

    /// <summary>Who hears of a cell's cases: its committee members, each only if their account may read the case.</summary>
    private sealed record Audience(ILookup<Guid, Guid> Committees, Func<Guid, Guid, bool> CanRead);

    private async Task<Audience> AudienceAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var committees = (await db.Positions.AsNoTracking()
            .Where(p => CellCommittee.Contains(p.Kind) && p.From <= today && (p.To == null || p.To >= today))
            .Select(p => new { p.OrganisationId, p.PersonId })
            .ToListAsync(cancellationToken))
            .ToLookup(p => p.OrganisationId, p => p.PersonId);
        // A reminder names the applicant: it goes only to committee members whose account may read the case.
        var readers = await db.RoleAssignments.AsNoTracking()
            .Where(r => r.Role == Role.CellSecretary || r.Role == Role.CellCommittee)
            .Join(db.Users.Where(u => u.PersonId != null), r => r.UserId, u => u.Id, (r, u) => new { u.PersonId, Path = r.Organisation == null ? null : r.Organisation.Path })
            .ToListAsync(cancellationToken);
        var cellPaths = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Cell)
            .ToDictionaryAsync(o => o.Id, o => o.Path, cancellationToken);
        bool CanRead(Guid personId, Guid cellId) =>
            cellPaths.TryGetValue(cellId, out var cellPath)
            && readers.Any(r => r.PersonId == personId && (r.Path is null || cellPath.StartsWith(r.Path, StringComparison.Ordinal)));
        return new Audience(committees, CanRead);
    }

    private List<Due> Find(DateOnly today, IReadOnlyList<AppraisedCase> cases, Audience audience)
    {
        var horizon = CaseFiles.Calendar.AddWorkingDays(today, options.Value.WorkingDaysAhead);
        var rulebook = CaseFiles.Rulebooks.InForceOn(today).Parameters;
        var found = new List<Due>();
        foreach (var c in cases)
        {
            var committee = audience.Committees[c.CellId].Where(person => audience.CanRead(person, c.CellId)).ToHashSet();
            if (committee.Count == 0)
            {
                continue;
            }

            foreach (var deadline in c.Report.Deadlines)
            {
                if (!EventKinds.TryParse(deadline.Step, out var kind))
                {
                    continue;
                }

                var recipients = kind == EventKind.RecognitionResolution && c.HelperPersonId is { } helper ? [.. committee, helper] : committee;
                Add(c, deadline.Step, kind.ToVietnamese(), deadline.Due, recipients, DeadlineReason(kind));
            }

            // Not yet voted on: the certificate must still be valid and the dossier fresh on the day of the vote.
            if (c.Stage is Stage.Trained or Stage.Applying)
            {
                if (Latest(c, EventKind.AwarenessCertificate) is { } certificate)
                {
                    Add(c, "certificate-expiry", "giấy chứng nhận học lớp nhận thức về Đảng hết hạn", certificate.AddMonths(rulebook.CertificateValidityMonths), committee,
                        $"giấy chứng nhận cấp ngày {VietnameseDates.Display(certificate)} có giá trị {rulebook.CertificateValidityMonths} tháng");
                }

                var oldest = c.Case.Steps
                    .Where(s => s.Kind is EventKind.Introduction or EventKind.UnionResolution or EventKind.OpinionsSummary)
                    .Select(s => (DateOnly?)s.Date).Min();
                if (oldest is { } since)
                {
                    Add(c, "dossier-stale", "hồ sơ quá hạn, phải làm lại giới thiệu và nhận xét", since.AddMonths(rulebook.DossierStalenessMonths), committee,
                        $"quá {rulebook.DossierStalenessMonths} tháng kể từ ngày {VietnameseDates.Display(since)} mà chi bộ chưa xét đề nghị kết nạp");
                }
            }
        }

        return found;

        void Add(AppraisedCase c, string step, string label, DateOnly dueOn, IReadOnlyCollection<Guid> recipients, string reason)
        {
            if (dueOn > horizon)
            {
                return;
            }

            var overdue = today > dueOn;
            found.Add(new Due(
                $"case:{c.CaseId:N}:{step}:{dueOn:yyyyMMdd}:{(overdue ? "overdue" : "soon")}",
                $"{(overdue ? "Quá hạn" : "Sắp đến hạn")}: {label} — hạn {VietnameseDates.Display(dueOn)}",
                $"Hồ sơ của {c.ApplicantName} ({c.CellName}): {label}, hạn {VietnameseDates.Display(dueOn)} ({reason}).",
                $"/ho-so/{c.CaseId}",
                dueOn,
                overdue,
                recipients));
        }
    }

    private async Task<List<Due>> TasksDueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var found = new List<Due>();
        var meetingTasks = await db.MeetingTasks.AsNoTracking()
            .Where(t => t.ClosedOn == null && t.DueOn < today && t.OwnerPersonId != null)
            .Select(t => new { t.Id, t.MeetingId, t.Description, DueOn = t.DueOn!.Value, Owner = t.OwnerPersonId!.Value })
            .ToListAsync(cancellationToken);
        found.AddRange(meetingTasks.Select(t => TaskDue($"meeting-task:{t.Id:N}", t.Description, t.DueOn, $"/hop/{t.MeetingId}", t.Owner)));
        var inspectionTasks = await db.InspectionTasks.AsNoTracking()
            .Where(t => t.ClosedOn == null && t.DueOn < today)
            .Select(t => new { t.Id, t.InspectionId, t.Description, t.DueOn, t.OwnerPersonId })
            .ToListAsync(cancellationToken);
        found.AddRange(inspectionTasks.Select(t => TaskDue($"inspection-task:{t.Id:N}", t.Description, t.DueOn, $"/kiem-tra/bien-ban/{t.InspectionId}", t.OwnerPersonId)));
        return found;

        static Due TaskDue(string key, string description, DateOnly dueOn, string link, Guid owner) => new(
            $"{key}:{dueOn:yyyyMMdd}:overdue",
            $"Quá hạn nhiệm vụ — hạn {VietnameseDates.Display(dueOn)}",
            $"Nhiệm vụ được giao cho đồng chí đã quá hạn {VietnameseDates.Display(dueOn)}: {description}",
            link,
            dueOn,
            true,
            [owner]);
    }

    /// <summary>Adds the notifications not yet made; returns how many this run added.</summary>
    private async Task<int> StoreAsync(IReadOnlyList<Due> due, CancellationToken cancellationToken)
    {
        var wanted = due.SelectMany(d => d.Recipients.Select(r => (Recipient: r, Due: d))).DistinctBy(w => (w.Recipient, w.Due.Key)).ToList();
        var recipients = wanted.Select(w => w.Recipient).Distinct().ToList();
        var existing = new HashSet<(Guid, string)>();
        foreach (var chunk in recipients.Chunk(500))
        {
            foreach (var n in await db.Notifications.AsNoTracking().Where(n => chunk.Contains(n.RecipientPersonId)).Select(n => new { n.RecipientPersonId, n.Key }).ToListAsync(cancellationToken))
            {
                existing.Add((n.RecipientPersonId, n.Key));
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var missing = wanted.Where(w => !existing.Contains((w.Recipient, w.Due.Key))).Select(w => new Notification
        {
            RecipientPersonId = w.Recipient, Key = w.Due.Key, Subject = w.Due.Subject, Body = w.Due.Body, Link = w.Due.Link,
            DueOn = w.Due.DueOn, Overdue = w.Due.Overdue, CreatedAt = now,
        }).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        try
        {
            db.Notifications.AddRange(missing);
            await db.SaveChangesAsync(cancellationToken);
            return missing.Count;
        }
        catch (DbUpdateException)
        {
            // Another instance added some of them meanwhile: add the rest one by one, each either new or refused by the unique key.
            db.ChangeTracker.Clear();
        }

        var created = 0;
        foreach (var notification in missing)
        {
            try
            {
                notification.Id = Guid.CreateVersion7();
                db.Notifications.Add(notification);
                await db.SaveChangesAsync(cancellationToken);
                created++;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
        }

        return created;
    }

    /// <summary>E-mails the recent notifications not yet e-mailed to recipients with an address; returns how many were sent.</summary>
    private async Task<int> EmailAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var since = now - EmailWindow;
        var abandoned = now - ClaimTimeout;
        var pending = await db.Notifications
            .Where(n => n.EmailedAt == null && n.CreatedAt >= since && (n.EmailClaimedAt == null || n.EmailClaimedAt < abandoned))
            .Join(db.People.Where(p => p.Email != null && p.Email != ""), n => n.RecipientPersonId, p => p.Id, (n, p) => new { Notification = n, p.Email })
            .OrderBy(x => x.Notification.CreatedAt)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        await using var session = await mailer.ConnectAsync(cancellationToken);
        var sent = 0;
        foreach (var item in pending)
        {
            var notification = item.Notification;
            try
            {
                notification.EmailClaimedAt = now;
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance claimed it first.
                db.Entry(notification).State = EntityState.Detached;
                continue;
            }

            try
            {
                await session.SendAsync(item.Email!, notification, cancellationToken);
                notification.EmailedAt = time.GetUtcNow().UtcDateTime;
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The id and the kind of failure only: the address and the text are personal.
                log.LogWarning("E-mail for notification {NotificationId} failed: {Error}", notification.Id, ex.GetType().Name);
                notification.EmailClaimedAt = null;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return sent;
    }

    private static DateOnly? Latest(AppraisedCase c, EventKind kind) =>
        c.Case.Steps.Where(s => s.Kind == kind).Select(s => (DateOnly?)s.Date).Max();

    private static string DeadlineReason(EventKind kind) => kind switch
    {
        EventKind.AdmissionDecision => "60 ngày làm việc kể từ nghị quyết chi bộ, gia hạn không quá 30 ngày làm việc",
        EventKind.Ceremony => "30 ngày làm việc kể từ khi nhận quyết định kết nạp",
        EventKind.RecognitionResolution => "hết 12 tháng dự bị kể từ lễ kết nạp",
        EventKind.RecognitionDecision => "30 ngày làm việc kể từ nghị quyết công nhận chính thức",
        _ => "theo quy định",
    };
}
