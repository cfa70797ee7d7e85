using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Meetings;

/// <summary>
/// The secretary's pen while the meeting is open: guests, attendance, agenda, speeches, conclusions, tasks,
/// the end time, and the signature that closes the minutes. Signed minutes change only by a correction.
/// </summary>
public sealed class EditMeeting(AppDbContext db, CurrentUser me, TimeProvider clock, Forms.NumberRegister numbers)
{
    public Task<Result<Meeting>> AddGuestAsync(Guid meetingId, int expectedVersion, string name, string? title, string? organisation, CancellationToken cancellationToken = default) =>
        WhileOpenAsync(meetingId, expectedVersion, "thêm khách mời", meeting =>
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return new Error("GUEST-NAME", "Nhập họ tên khách mời.");
            }

            if (MeetingErrors.FirstTooLong(("Họ tên khách mời", name, 200), ("Chức vụ", title, 300), ("Cơ quan", organisation, 300)) is { } tooLong)
            {
                return tooLong;
            }

            db.MeetingGuests.Add(new MeetingGuest { MeetingId = meeting.Id, Name = name.Trim(), Title = CreateMeeting.Clean(title), OrganisationName = CreateMeeting.Clean(organisation), Order = meeting.Guests.Count + 1 });
            return null;
        }, cancellationToken);

    public Task<Result<Meeting>> AddAgendaItemAsync(Guid meetingId, int expectedVersion, string title, CancellationToken cancellationToken = default) =>
        WhileOpenAsync(meetingId, expectedVersion, "thêm nội dung", meeting =>
        {
            if (string.IsNullOrWhiteSpace(title))
            {
                return new Error("AGENDA-TITLE", "Nhập tên nội dung.");
            }

            if (MeetingErrors.FirstTooLong(("Tên nội dung", title, 500)) is { } tooLong)
            {
                return tooLong;
            }

            db.MeetingAgendaItems.Add(new MeetingAgendaItem { MeetingId = meeting.Id, Title = title.Trim(), Order = meeting.Agenda.Count + 1 });
            return null;
        }, cancellationToken);

    public Task<Result<Meeting>> AddSpeechAsync(Guid meetingId, int expectedVersion, Guid itemId, string speaker, string? speakerTitle, string summary, Guid? personId = null, CancellationToken cancellationToken = default) =>
        WhileOpenAsync(meetingId, expectedVersion, "ghi ý kiến phát biểu", meeting =>
        {
            if (meeting.Agenda.SingleOrDefault(a => a.Id == itemId) is not { } item)
            {
                return new Error("AGENDA-MISSING", "Không tìm thấy nội dung này trong chương trình họp.");
            }

            if (string.IsNullOrWhiteSpace(speaker) || string.IsNullOrWhiteSpace(summary))
            {
                return new Error("SPEECH-EMPTY", "Nhập người phát biểu và tóm tắt ý kiến.");
            }

            if (MeetingErrors.FirstTooLong(("Người phát biểu", speaker, 200), ("Chức vụ", speakerTitle, 300), ("Tóm tắt ý kiến", summary, 8000)) is { } tooLong)
            {
                return tooLong;
            }

            db.MeetingSpeeches.Add(new MeetingSpeech { AgendaItemId = item.Id, Speaker = speaker.Trim(), SpeakerTitle = CreateMeeting.Clean(speakerTitle), Summary = summary.Trim(), PersonId = personId, Order = item.Speeches.Count + 1 });
            return null;
        }, cancellationToken);

    public Task<Result<Meeting>> SetConclusionAsync(Guid meetingId, int expectedVersion, Guid itemId, string conclusion, CancellationToken cancellationToken = default) =>
        WhileOpenAsync(meetingId, expectedVersion, "ghi kết luận", meeting =>
        {
            if (meeting.Agenda.SingleOrDefault(a => a.Id == itemId) is not { } item)
            {
                return new Error("AGENDA-MISSING", "Không tìm thấy nội dung này trong chương trình họp.");
            }

            if (MeetingErrors.FirstTooLong(("Kết luận", conclusion, 8000)) is { } tooLong)
            {
                return tooLong;
            }

            item.Conclusion = CreateMeeting.Clean(conclusion);
            return null;
        }, cancellationToken);

    public Task<Result<Meeting>> SetAttendanceAsync(Guid meetingId, int expectedVersion, Guid personId, AttendanceStatus status, string? reason, CancellationToken cancellationToken = default) =>
        WhileOpenAsync(meetingId, expectedVersion, "sửa điểm danh", meeting =>
        {
            if (meeting.Attendance.SingleOrDefault(a => a.PersonId == personId) is not { } line)
            {
                return new Error("ATTENDANCE-NOT-ON-ROLL", "Người này không có tên trong danh sách đảng viên của chi bộ vào ngày họp.");
            }

            if (status == AttendanceStatus.Excused && string.IsNullOrWhiteSpace(reason))
            {
                return new Error("ATTENDANCE-REASON", "Vắng có lý do: nhập lý do vắng.");
            }

            if (MeetingErrors.FirstTooLong(("Lý do vắng", reason, 300)) is { } tooLong)
            {
                return tooLong;
            }

            line.Status = status;
            line.Reason = status == AttendanceStatus.Present ? null : CreateMeeting.Clean(reason);
            return null;
        }, cancellationToken);

    public Task<Result<Meeting>> AddTaskAsync(Guid meetingId, int expectedVersion, Guid? itemId, string description, string owner, Guid? ownerPersonId, DateOnly? dueOn, string? doneWhen, CancellationToken cancellationToken = default) =>
        WhileOpenAsync(meetingId, expectedVersion, "giao nhiệm vụ", meeting =>
        {
            if (string.IsNullOrWhiteSpace(description) || string.IsNullOrWhiteSpace(owner))
            {
                return new Error("TASK-EMPTY", "Nhập nội dung nhiệm vụ và người (hoặc đơn vị) thực hiện.");
            }

            if (MeetingErrors.FirstTooLong(("Nhiệm vụ", description, 2000), ("Người thực hiện", owner, 300), ("Hoàn thành khi", doneWhen, 1000)) is { } tooLong)
            {
                return tooLong;
            }

            if (itemId is { } item && meeting.Agenda.All(a => a.Id != item))
            {
                return new Error("AGENDA-MISSING", "Không tìm thấy nội dung này trong chương trình họp.");
            }

            if (dueOn is { } due && due < meeting.Date)
            {
                return new Error("TASK-DUE-BEFORE-MEETING", "Hạn hoàn thành không thể trước ngày họp.");
            }

            db.MeetingTasks.Add(new MeetingTask
            {
                MeetingId = meeting.Id,
                AgendaItemId = itemId,
                Description = description.Trim(),
                Owner = owner.Trim(),
                OwnerPersonId = ownerPersonId,
                DueOn = dueOn,
                DoneWhen = CreateMeeting.Clean(doneWhen),
            });
            return null;
        }, cancellationToken);

    /// <summary>Corrects the facts of an open meeting; a Party meeting's chair and secretary must be on its roll.</summary>
    public Task<Result<Meeting>> UpdateFactsAsync(Guid meetingId, int expectedVersion, TimeOnly startTime, string place, Guid chair, Guid secretary, string? topic, string? number, CancellationToken cancellationToken = default) =>
        WhileOpenAsync(meetingId, expectedVersion, "sửa thông tin cuộc họp", meeting =>
        {
            if (string.IsNullOrWhiteSpace(place))
            {
                return new Error("MEETING-PLACE", "Nhập địa điểm họp.");
            }

            if (MeetingErrors.FirstTooLong(("Địa điểm", place, 300), ("Chủ đề", topic, 500), ("Số biên bản", number, 60)) is { } tooLong)
            {
                return tooLong;
            }

            if (MeetingRoll.IsTaken(meeting.Kind))
            {
                var roll = meeting.Attendance.Where(a => MeetingRoll.CanPreside(a.Category)).Select(a => a.PersonId).ToHashSet();
                if (!roll.Contains(chair))
                {
                    return new Error("CHAIR-NOT-MEMBER", $"Người chủ trì phải là đảng viên của {meeting.Organisation!.Name} vào ngày {meeting.Date:dd/MM/yyyy}.");
                }

                if (!roll.Contains(secretary))
                {
                    return new Error("SECRETARY-NOT-MEMBER", $"Thư ký cuộc họp phải là đảng viên của {meeting.Organisation!.Name} vào ngày {meeting.Date:dd/MM/yyyy}.");
                }
            }

            meeting.StartTime = startTime;
            meeting.Place = place.Trim();
            meeting.ChairPersonId = chair;
            meeting.SecretaryPersonId = secretary;
            meeting.Topic = CreateMeeting.Clean(topic);
            meeting.Number = CreateMeeting.Clean(number);
            return null;
        }, cancellationToken);

    public Task<Result<Meeting>> SetEndTimeAsync(Guid meetingId, int expectedVersion, TimeOnly endTime, CancellationToken cancellationToken = default) =>
        WhileOpenAsync(meetingId, expectedVersion, "ghi giờ kết thúc", meeting =>
        {
            if (endTime <= meeting.StartTime)
            {
                return new Error("END-BEFORE-START", "Giờ kết thúc phải sau giờ bắt đầu.");
            }

            meeting.EndTime = endTime;
            return null;
        }, cancellationToken);

    /// <summary>
    /// Signs the minutes: from now on they are read-only, and changes go through a correction. Minutes without
    /// a number take the next BB number of their body's register in the same transaction; refused, they give it back.
    /// </summary>
    public async Task<Result<Meeting>> SignAsync(Guid meetingId, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var facts = await db.Meetings.AsNoTracking().Include(m => m.Organisation).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        var result = Result.Failure<Meeting>(new Error(MeetingErrors.NotFound, "Không tìm thấy cuộc họp."));
        await AllOrNothing.RunAsync(db, async () =>
        {
            var number = facts is { Number: null, SignedAt: null } && MeetingAccess.CanEdit(me, facts.Organisation!)
                ? (await numbers.IssueAsync(facts.Organisation!, "BB", facts.Date, "BB", $"Biên bản {MeetingLabels.Of(facts.Kind).ToLowerInvariant()} ngày {facts.Date:dd/MM/yyyy}", meetingId: meetingId, cancellationToken: cancellationToken)).Number
                : null;
            result = await SignOpenAsync(meetingId, expectedVersion, number, cancellationToken);
            return result.IsSuccess ? [] : [.. result.Errors.Select(e => e.Message)];
        }, cancellationToken);
        return result;
    }

    private Task<Result<Meeting>> SignOpenAsync(Guid meetingId, int expectedVersion, string? number, CancellationToken cancellationToken) =>
        WhileOpenAsync(meetingId, expectedVersion, "ký biên bản", meeting =>
        {
            if (meeting.EndTime is null)
            {
                return new Error("END-TIME-MISSING", "Ghi giờ kết thúc cuộc họp trước khi ký biên bản.");
            }

            if (meeting.Agenda.Count == 0)
            {
                return new Error("AGENDA-EMPTY", "Biên bản chưa có nội dung nào.");
            }

            meeting.Number ??= number;
            meeting.SignedAt = clock.GetUtcNow().UtcDateTime;
            meeting.SignedBy = me.DisplayName;
            return null;
        }, cancellationToken);

    /// <summary>A change to signed minutes, kept beside them with who, when and why.</summary>
    public async Task<Result<Meeting>> CorrectAsync(Guid meetingId, string what, string reason, CancellationToken cancellationToken = default)
    {
        var (meeting, refused) = await LoadForEditAsync(meetingId, cancellationToken);
        if (refused is not null)
        {
            return Result.Failure<Meeting>(refused);
        }

        if (!meeting!.IsSigned)
        {
            return Result.Failure<Meeting>(new Error("NOT-SIGNED", "Biên bản chưa ký: hãy sửa trực tiếp."));
        }

        if (string.IsNullOrWhiteSpace(what) || string.IsNullOrWhiteSpace(reason))
        {
            return Result.Failure<Meeting>(new Error("CORRECTION-REASON", "Đính chính cần nội dung sửa và lý do."));
        }

        if (MeetingErrors.FirstTooLong(("Nội dung đính chính", what, 2000), ("Lý do", reason, 1000)) is { } tooLong)
        {
            return Result.Failure<Meeting>(tooLong);
        }

        db.MeetingCorrections.Add(new MeetingCorrection { MeetingId = meeting.Id, What = what.Trim(), Reason = reason.Trim(), By = me.DisplayName, At = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(meeting);
    }

    // Children are added through their sets, not the navigations: their keys are set on creation, and EF
    // would otherwise take a keyed child of a tracked parent for an existing row and update it.
    private async Task<Result<Meeting>> WhileOpenAsync(Guid meetingId, int expectedVersion, string action, Func<Meeting, Error?> change, CancellationToken cancellationToken)
    {
        var (meeting, refused) = await LoadForEditAsync(meetingId, cancellationToken);
        if (refused is not null)
        {
            return Result.Failure<Meeting>(refused);
        }

        if (meeting!.IsSigned)
        {
            return Result.Failure<Meeting>(SignedError(meeting, action));
        }

        if (meeting.Version != expectedVersion)
        {
            return Result.Failure<Meeting>(await ConflictAsync(db, meetingId, cancellationToken));
        }

        if (change(meeting) is { } error)
        {
            return Result.Failure<Meeting>(error);
        }

        return await SaveAsync(db, meeting, cancellationToken);
    }

    /// <summary>
    /// Saves a change of the meeting or its children, raising the meeting's version so that any form built
    /// from the old one is refused; a concurrent save that won the race makes this one a conflict.
    /// </summary>
    internal static async Task<Result<Meeting>> SaveAsync(AppDbContext db, Meeting meeting, CancellationToken cancellationToken)
    {
        db.Entry(meeting).Property(m => m.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result.Failure<Meeting>(await ConflictAsync(db, meeting.Id, cancellationToken));
        }

        return Result.Success(meeting);
    }

    /// <summary>The refusal of a stale form, naming the last change so the secretary knows what to re-read.</summary>
    internal static async Task<Error> ConflictAsync(AppDbContext db, Guid meetingId, CancellationToken cancellationToken)
    {
        var key = meetingId.ToString();
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Meeting) && a.EntityId == key && a.Action == "update")
            .OrderByDescending(a => a.At).Select(a => new { a.Actor, a.At })
            .FirstOrDefaultAsync(cancellationToken);
        var who = last is null ? "" : $" ({last.Actor}, lúc {last.At.AddHours(7):HH:mm dd/MM/yyyy})";
        return new Error(MeetingErrors.Conflict,
            $"Biên bản vừa được người khác sửa{who} sau khi bạn mở trang, nên thay đổi của bạn chưa được lưu. Trang dưới đây là bản mới nhất: hãy xem lại rồi nhập lại.");
    }

    internal static Error SignedError(Meeting meeting, string action) =>
        new(MeetingErrors.Signed, $"Biên bản đã ký ngày {meeting.SignedAt!.Value.AddHours(7):dd/MM/yyyy}: không thể {action}. Mọi thay đổi phải ghi thành đính chính, kèm lý do.");

    private async Task<(Meeting? Meeting, Error? Refused)> LoadForEditAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings
            .Include(m => m.Organisation)
            .Include(m => m.Guests)
            .Include(m => m.Attendance)
            .Include(m => m.Agenda).ThenInclude(a => a.Speeches)
            .Include(m => m.Tasks)
            .Include(m => m.Corrections)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !MeetingAccess.CanRead(me, meeting.Organisation!))
        {
            return (null, new Error(MeetingErrors.NotFound, "Không tìm thấy cuộc họp."));
        }

        return MeetingAccess.CanEdit(me, meeting.Organisation!)
            ? (meeting, null)
            : (null, new Error(MeetingErrors.Forbidden, "Chỉ chi ủy (hoặc ban chấp hành) của tổ chức mới sửa biên bản này."));
    }
}
