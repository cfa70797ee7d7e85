using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Training;

/// <summary>A student's result as the organiser reports it.</summary>
public sealed record ResultLine(Guid EnrolmentId, decimal? Score, TrainingOutcome? Outcome, TrainingRating? Rating);

/// <summary>
/// The manager's pen on a class: its status, its curriculum, attendance per session and the results. Every
/// change names the version the form was built from; a newer one means someone else changed the class.
/// </summary>
public sealed class EditClass(AppDbContext db, CurrentUser me)
{
    public Task<Result<TrainingClass>> SetStatusAsync(Guid classId, int expectedVersion, TrainingStatus status, CancellationToken cancellationToken = default) =>
        ChangeAsync(classId, expectedVersion, training =>
        {
            if (status == TrainingStatus.Finished && training.Enrolments.Count == 0)
            {
                return new Error("CLASS-EMPTY", "Lớp chưa có học viên nào: chưa thể kết thúc.");
            }

            training.Status = status;
            return null;
        }, cancellationToken);

    public Task<Result<TrainingClass>> AddSessionAsync(Guid classId, int expectedVersion, DateOnly? date, string? topic, CancellationToken cancellationToken = default) =>
        ChangeAsync(classId, expectedVersion, training =>
        {
            if (date is null || CreateClass.Clean(topic) is null)
            {
                return new Error("SESSION-EMPTY", "Nhập ngày học và chuyên đề của buổi học.");
            }

            if (date < training.StartsOn || date > training.EndsOn)
            {
                return new Error("SESSION-OUTSIDE", $"Ngày học {date:dd/MM/yyyy} nằm ngoài thời gian của lớp ({training.StartsOn:dd/MM/yyyy} – {training.EndsOn:dd/MM/yyyy}).");
            }

            db.TrainingSessions.Add(new TrainingSession { ClassId = training.Id, Date = date.Value, Topic = CreateClass.Clean(topic)!, Order = training.Sessions.Count + 1 });
            return null;
        }, cancellationToken);

    /// <summary>The roll of one session: the enrolments listed in <paramref name="present"/> attended, the others did not.</summary>
    public Task<Result<TrainingClass>> SetAttendanceAsync(Guid classId, int expectedVersion, Guid sessionId, IReadOnlyCollection<Guid> present, CancellationToken cancellationToken = default) =>
        ChangeAsync(classId, expectedVersion, training =>
        {
            if (training.Sessions.All(s => s.Id != sessionId))
            {
                return new Error("SESSION-MISSING", "Không tìm thấy buổi học này trong chương trình của lớp.");
            }

            if (present.Any(id => training.Enrolments.All(e => e.Id != id)))
            {
                return new Error("ENROLMENT-MISSING", "Có người được đánh dấu có mặt nhưng không có tên trong danh sách lớp.");
            }

            foreach (var enrolment in training.Enrolments)
            {
                var line = enrolment.Attendance.SingleOrDefault(a => a.SessionId == sessionId);
                if (line is null)
                {
                    db.TrainingAttendance.Add(new TrainingAttendance { EnrolmentId = enrolment.Id, SessionId = sessionId, Present = present.Contains(enrolment.Id) });
                }
                else
                {
                    line.Present = present.Contains(enrolment.Id);
                }
            }

            return null;
        }, cancellationToken);

    public Task<Result<TrainingClass>> SetResultsAsync(Guid classId, int expectedVersion, IReadOnlyList<ResultLine> lines, CancellationToken cancellationToken = default) =>
        ChangeAsync(classId, expectedVersion, training =>
        {
            foreach (var line in lines)
            {
                if (training.Enrolments.SingleOrDefault(e => e.Id == line.EnrolmentId) is not { } enrolment)
                {
                    return new Error("ENROLMENT-MISSING", "Có kết quả của người không có tên trong danh sách lớp.");
                }

                if (line.Score is < 0 or > 10)
                {
                    return new Error("SCORE-RANGE", "Điểm phải từ 0 đến 10.");
                }

                if (line.Rating is not null && line.Outcome != TrainingOutcome.Passed)
                {
                    return new Error("RATING-WITHOUT-PASS", "Chỉ xếp loại cho học viên đạt yêu cầu.");
                }

                var changed = enrolment.Score != line.Score || enrolment.Outcome != line.Outcome || enrolment.Rating != line.Rating;
                if (changed && enrolment.CertificateNumber is not null)
                {
                    return new Error("RESULT-CERTIFIED", "Học viên đã được cấp giấy chứng nhận: không sửa được kết quả.");
                }

                enrolment.Score = line.Score;
                enrolment.Outcome = line.Outcome;
                enrolment.Rating = line.Rating;
            }

            return null;
        }, cancellationToken);

    /// <summary>Loads the class for a manager, checks the version, applies the change and saves it with a new version.</summary>
    internal async Task<Result<TrainingClass>> ChangeAsync(Guid classId, int expectedVersion, Func<TrainingClass, Error?> change, CancellationToken cancellationToken)
    {
        var training = await LoadForEditAsync(classId, cancellationToken);
        if (!training.IsSuccess)
        {
            return training;
        }

        if (training.Value.Version != expectedVersion)
        {
            return Result.Failure<TrainingClass>(ConflictError);
        }

        if (change(training.Value) is { } error)
        {
            return Result.Failure<TrainingClass>(error);
        }

        db.Entry(training.Value).Property(c => c.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result.Failure<TrainingClass>(ConflictError);
        }

        return training;
    }

    internal async Task<Result<TrainingClass>> LoadForEditAsync(Guid classId, CancellationToken cancellationToken)
    {
        var training = await db.TrainingClasses
            .Include(c => c.Owner)
            .Include(c => c.Sessions)
            .Include(c => c.Enrolments).ThenInclude(e => e.Attendance)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == classId, cancellationToken);
        if (training is null)
        {
            return Result.Failure<TrainingClass>(new Error(TrainingErrors.NotFound, "Không tìm thấy lớp."));
        }

        return TrainingAccess.CanManage(me, training.Owner!)
            ? Result.Success(training)
            : Result.Failure<TrainingClass>(new Error(TrainingErrors.Forbidden, "Chỉ ban tổ chức của cấp ủy mở lớp mới được sửa lớp này."));
    }

    internal static readonly Error ConflictError =
        new(TrainingErrors.Conflict, "Lớp vừa được người khác cập nhật trong lúc bạn nhập, nên thay đổi của bạn chưa được ghi. Hãy tải lại trang, xem lại rồi nhập lại.");
}
