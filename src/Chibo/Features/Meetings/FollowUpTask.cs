using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Common;
using Chibo.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Meetings;

/// <summary>
/// Following up a task a meeting assigned: a dated note with, optionally, a new progress or due date, and at
/// the end the closing note saying what was done. The history stays with the task. Allowed after the minutes
/// are signed (following up is not part of the minutes), to the book's keepers and to the task's owner.
/// </summary>
public sealed class FollowUpTask(AppDbContext db, CurrentUser me, TimeProvider clock, ChiboClock calendar)
{
    public const string Conflict = "TASK-CONFLICT";

    private static readonly Error Stale = new(Conflict, "Nhiệm vụ vừa được người khác cập nhật sau khi bạn mở trang, nên ghi chép của bạn chưa được lưu. Hãy xem lại lịch sử theo dõi rồi nhập lại.");

    public Task<Result<MeetingTask>> RecordAsync(Guid taskId, int expectedVersion, DateOnly on, string? note, TaskProgress? progress, DateOnly? newDueOn, CancellationToken cancellationToken = default) =>
        ChangeAsync(taskId, expectedVersion, on, note, (task, meetingDate) =>
        {
            if (newDueOn is { } due && due < meetingDate)
            {
                return new Error("TASK-DUE-BEFORE-MEETING", "Hạn hoàn thành không thể trước ngày họp giao nhiệm vụ.");
            }

            var followUp = new MeetingTaskFollowUp
            {
                TaskId = task.Id,
                On = on,
                By = me.DisplayName,
                Note = note!.Trim(),
                NewProgress = progress == task.Progress ? null : progress,
                NewDueOn = newDueOn == task.DueOn ? null : newDueOn,
                RecordedAt = clock.GetUtcNow().UtcDateTime,
            };
            task.Progress = progress ?? task.Progress;
            task.DueOn = newDueOn ?? task.DueOn;
            db.MeetingTaskFollowUps.Add(followUp);
            return null;
        }, cancellationToken);

    /// <summary>Closes the task; the note says what was done.</summary>
    public Task<Result<MeetingTask>> CloseAsync(Guid taskId, int expectedVersion, DateOnly on, string? whatWasDone, CancellationToken cancellationToken = default) =>
        ChangeAsync(taskId, expectedVersion, on, whatWasDone, (task, _) =>
        {
            task.ClosedOn = on;
            task.ClosedNote = whatWasDone!.Trim();
            db.MeetingTaskFollowUps.Add(new MeetingTaskFollowUp
            {
                TaskId = task.Id,
                On = on,
                By = me.DisplayName,
                Note = whatWasDone.Trim(),
                Closes = true,
                RecordedAt = clock.GetUtcNow().UtcDateTime,
            });
            return null;
        }, cancellationToken);

    private async Task<Result<MeetingTask>> ChangeAsync(Guid taskId, int expectedVersion, DateOnly on, string? note, Func<MeetingTask, DateOnly, Error?> change, CancellationToken cancellationToken)
    {
        var found = await db.MeetingTasks
            .Join(db.Meetings, t => t.MeetingId, m => m.Id, (t, m) => new { Task = t, m.Date, m.Organisation })
            .SingleOrDefaultAsync(x => x.Task.Id == taskId, cancellationToken);
        // The owner may be outside the book's readers (the union's secretary and a cell's minutes): the task is theirs.
        var isOwner = found?.Task.OwnerPersonId is { } owner && owner == me.PersonId;
        if (found is null || !(isOwner || MeetingAccess.CanRead(me, found.Organisation!)))
        {
            return Fail(MeetingErrors.NotFound, "Không tìm thấy nhiệm vụ.");
        }

        var task = found.Task;
        if (!isOwner && !MeetingAccess.CanEdit(me, found.Organisation!))
        {
            return Fail(MeetingErrors.Forbidden, "Chỉ người được giao và chi ủy (ban chấp hành) giữ sổ biên bản mới theo dõi nhiệm vụ này.");
        }

        if (task.ClosedOn is { } closed)
        {
            return Fail("TASK-CLOSED", $"Nhiệm vụ đã đóng ngày {closed:dd/MM/yyyy}.");
        }

        if (task.Version != expectedVersion)
        {
            return Result.Failure<MeetingTask>(Stale);
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return Fail("TASK-NOTE", "Ghi nội dung theo dõi (khi đóng: kết quả đã thực hiện).");
        }

        if (MeetingErrors.FirstTooLong(("Nội dung theo dõi", note, 1000)) is { } tooLong)
        {
            return Result.Failure<MeetingTask>(tooLong);
        }

        var today = calendar.Today;
        if (on < found.Date || on > today)
        {
            return Fail("TASK-DATE", $"Ngày theo dõi phải từ ngày họp giao nhiệm vụ ({found.Date:dd/MM/yyyy}) đến hôm nay.");
        }

        if (change(task, found.Date) is { } error)
        {
            return Result.Failure<MeetingTask>(error);
        }

        db.Entry(task).Property(t => t.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result.Failure<MeetingTask>(Stale);
        }

        return Result.Success(task);
    }

    private static Result<MeetingTask> Fail(string code, string message) => Result.Failure<MeetingTask>(new Error(code, message));
}
