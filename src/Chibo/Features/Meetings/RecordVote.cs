using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Domain.Common;
using Chibo.Domain.Dossiers;
using Chibo.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Meetings;

/// <param name="Eligible">Only for union votes, where the committee's size is not on a Party roll; Party votes count the roll.</param>
/// <param name="ResolutionNumber">The number of the resolution the vote produces (6-KNĐ, 13-KNĐ…), when known.</param>
/// <param name="ExpectedVersion">The meeting's version the form was built from: a newer one means someone else wrote meanwhile.</param>
public sealed record RecordVoteRequest(
    Guid MeetingId,
    int ExpectedVersion,
    Guid AgendaItemId,
    string Question,
    VotePurpose Purpose,
    VoteMethod Method,
    int For,
    int Against,
    int Abstain,
    Guid? CaseId = null,
    int? Eligible = null,
    string? ResolutionNumber = null,
    IReadOnlyCollection<string>? AcknowledgedWarnings = null);

/// <summary>
/// Records a vote of an agenda item. A vote on a candidate is the cell's (or the union committee's)
/// decision on the case: when it passes, the case's step is recorded through <see cref="RecordStep"/> and
/// linked to the vote; when it fails, the failure is noted on the case file and the stage does not move.
/// </summary>
public sealed class RecordVote(AppDbContext db, CurrentUser me, RecordStep recordStep, TimeProvider clock)
{
    public async Task<Result<MeetingVote>> RunAsync(RecordVoteRequest request, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.Include(m => m.Organisation).Include(m => m.Attendance).Include(m => m.Agenda)
            .AsSplitQuery().SingleOrDefaultAsync(m => m.Id == request.MeetingId, cancellationToken);
        if (meeting is null || !MeetingAccess.CanRead(me, meeting.Organisation!))
        {
            return Fail(MeetingErrors.NotFound, "Không tìm thấy cuộc họp.");
        }

        if (!MeetingAccess.CanEdit(me, meeting.Organisation!))
        {
            return Fail(MeetingErrors.Forbidden, "Chỉ chi ủy (hoặc ban chấp hành) của tổ chức mới ghi biểu quyết.");
        }

        if (meeting.IsSigned)
        {
            return Result.Failure<MeetingVote>(EditMeeting.SignedError(meeting, "ghi thêm biểu quyết"));
        }

        if (meeting.Version != request.ExpectedVersion)
        {
            return Result.Failure<MeetingVote>(await EditMeeting.ConflictAsync(db, meeting.Id, cancellationToken));
        }

        if (meeting.Agenda.All(a => a.Id != request.AgendaItemId))
        {
            return Fail("AGENDA-MISSING", "Biểu quyết phải thuộc một nội dung của chương trình họp.");
        }

        if (string.IsNullOrWhiteSpace(request.Question))
        {
            return Fail("VOTE-QUESTION", "Nhập vấn đề đưa ra biểu quyết.");
        }

        if (MeetingErrors.FirstTooLong(("Vấn đề biểu quyết", request.Question, 500), ("Số nghị quyết", request.ResolutionNumber, 60)) is { } tooLong)
        {
            return Result.Failure<MeetingVote>(tooLong);
        }

        if (request.Purpose == VotePurpose.General && request.CaseId is not null)
        {
            return Fail("VOTE-CASE-GENERAL", "Biểu quyết chung không gắn với hồ sơ: chọn loại biểu quyết về hồ sơ (cảm tình Đảng, kết nạp, công nhận chính thức, giới thiệu đoàn viên ưu tú).");
        }

        if (request.For < 0 || request.Against < 0 || request.Abstain < 0)
        {
            return Fail("VOTES-NEGATIVE", "Số phiếu không được âm.");
        }

        var party = meeting.IsPartyMeeting;
        var unionVote = request.Purpose == VotePurpose.UnionIntroduction;
        if (unionVote == party && request.Purpose != VotePurpose.General)
        {
            return Fail("VOTE-WRONG-MEETING", unionVote
                ? "Giới thiệu đoàn viên ưu tú là biểu quyết của Ban Chấp hành Đoàn, không phải của chi bộ."
                : $"\"{MeetingLabels.Of(request.Purpose)}\" là biểu quyết của chi bộ, không phải của tổ chức Đoàn.");
        }

        // Party votes count every official member on the roll that day, present or not; probationary members do not vote.
        var eligible = party ? meeting.Attendance.Count(a => a.Category == MemberCategory.Official) : request.Eligible ?? meeting.Attendance.Count;
        var cast = request.For + request.Against + request.Abstain;
        if (eligible <= 0)
        {
            return Fail("VOTES-ELIGIBLE", "Nhập số người có quyền biểu quyết.");
        }

        if (cast > eligible)
        {
            return Fail("VOTES-ABOVE-ELIGIBLE", $"Tổng số phiếu ({cast}) vượt quá {eligible} người có quyền biểu quyết.");
        }

        var presentOfficials = meeting.Attendance.Count(a => a.Category == MemberCategory.Official && a.Status == AttendanceStatus.Present);
        if (party && cast > presentOfficials)
        {
            return Fail("VOTES-ABOVE-PRESENT", $"Tổng số phiếu ({cast}) vượt quá số đảng viên chính thức có mặt ({presentOfficials}); đảng viên dự bị không biểu quyết.");
        }

        var passed = Passes(request.Purpose, request.For, eligible);
        var vote = new MeetingVote
        {
            AgendaItemId = request.AgendaItemId,
            Question = request.Question.Trim(),
            Purpose = request.Purpose,
            Method = request.Method,
            CaseId = request.CaseId,
            Eligible = eligible,
            For = request.For,
            Against = request.Against,
            Abstain = request.Abstain,
            Passed = passed,
            RecordedBy = me.DisplayName,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };

        if (request.Purpose == VotePurpose.General)
        {
            db.MeetingVotes.Add(vote);
            var saved = await EditMeeting.SaveAsync(db, meeting, cancellationToken);
            return saved.IsSuccess ? Result.Success(vote) : Result.Failure<MeetingVote>(saved.Errors);
        }

        var @case = request.CaseId is { } caseId
            ? await db.Cases.AsNoTracking().Include(c => c.Cell).Include(c => c.Person).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            : null;
        if (@case is null)
        {
            return Fail("VOTE-CASE-MISSING", "Chọn hồ sơ của người được biểu quyết.");
        }

        var organisation = meeting.Organisation!;
        var ownCase = party ? @case.CellId == organisation.Id : organisation.Path.StartsWith(@case.Cell!.Path, StringComparison.Ordinal);
        if (!ownCase)
        {
            return Fail("VOTE-WRONG-CELL", $"Hồ sơ của {@case.Person!.FullName} do {@case.Cell!.Name} quản lý: {organisation.Name} không biểu quyết về hồ sơ này.");
        }

        var kind = request.Purpose switch
        {
            VotePurpose.SympathizerList => EventKind.SympathizerListed,
            VotePurpose.Admission => EventKind.CellResolution,
            VotePurpose.Recognition => EventKind.RecognitionResolution,
            // A source student is introduced to the cell (→ outstanding); an applicant gets the committee's 4-KNĐ.
            VotePurpose.UnionIntroduction => @case.Stage == Stage.Source ? EventKind.UnionIntroduced : EventKind.UnionResolution,
            VotePurpose.General => throw new InvalidOperationException("A general vote records no step."),
        };
        vote.StepKind = kind;
        var place = $"{MeetingLabels.Of(meeting.Kind).ToLowerInvariant()} ngày {meeting.Date:dd/MM/yyyy}";
        var tally = $"{request.For}/{eligible} tán thành, {request.Against} không tán thành, {request.Abstain} không biểu quyết ({MeetingLabels.Of(request.Method)})";

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (passed)
            {
                var before = await db.CaseSteps.Where(s => s.CaseId == @case.Id).Select(s => s.Id).ToListAsync(cancellationToken);
                var step = await recordStep.RunAsync(new RecordStepRequest(
                    @case.Id, @case.Version, kind, meeting.Date,
                    VotesFor: request.For, VotesAgainst: request.Against + request.Abstain, Eligible: eligible,
                    DocumentNumber: request.ResolutionNumber, Issuer: organisation.Name,
                    Note: $"Biểu quyết tại {place}: {tally}.",
                    AcknowledgedWarnings: request.AcknowledgedWarnings), cancellationToken);
                if (!step.IsSuccess)
                {
                    return Result.Failure<MeetingVote>(step.Errors);
                }

                vote.CaseStepId = db.ChangeTracker.Entries<CaseStepRecord>()
                    .Select(e => e.Entity).Where(s => s.CaseId == @case.Id && !before.Contains(s.Id)).Select(s => (Guid?)s.Id).SingleOrDefault();
            }
            else
            {
                db.CaseComments.Add(new CaseComment
                {
                    CaseId = @case.Id,
                    AuthorUserId = me.UserId!,
                    Author = me.DisplayName,
                    AuthorRole = $"Thư ký biểu quyết, {organisation.Name}",
                    Text = $"Biểu quyết \"{MeetingLabels.Of(request.Purpose)}\" không đạt tại {place}: {tally}; cần {Threshold(request.Purpose, eligible)}. Hồ sơ giữ nguyên giai đoạn.",
                    CreatedAt = vote.RecordedAt,
                });
            }

            db.MeetingVotes.Add(vote);
            var saved = await EditMeeting.SaveAsync(db, meeting, cancellationToken);
            if (!saved.IsSuccess)
            {
                // The case's step was written in this transaction: it goes with the refused vote.
                return Result.Failure<MeetingVote>(saved.Errors);
            }

            await transaction.CommitAsync(cancellationToken);
            return Result.Success(vote);
        });
    }

    /// <summary>
    /// Admission and recognition need at least two thirds of all the cell's official members (Quy định 24-QĐ/TW,
    /// Hướng dẫn 01-HD/TW 3.3); other votes more than half of those entitled to vote.
    /// </summary>
    public static bool Passes(VotePurpose purpose, int votesFor, int eligible) => purpose is VotePurpose.Admission or VotePurpose.Recognition
        ? votesFor * 3 >= eligible * 2
        : votesFor * 2 > eligible;

    public static string Threshold(VotePurpose purpose, int eligible) => purpose is VotePurpose.Admission or VotePurpose.Recognition
        ? $"ít nhất {(eligible * 2 + 2) / 3}/{eligible} (hai phần ba số đảng viên chính thức)"
        : $"trên một nửa ({eligible / 2 + 1}/{eligible})";

    private static Result<MeetingVote> Fail(string code, string message) => Result.Failure<MeetingVote>(new Error(code, message));
}
