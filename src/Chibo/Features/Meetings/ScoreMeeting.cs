using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Meetings;

/// <summary>
/// The cell committee scores one of its meetings with the criteria sheet in force for the cell: points per
/// criterion within each maximum, the total and its band. Scoring again replaces the score. A score judges
/// the meeting and is not part of the minutes, so a signed meeting can still be scored; like every edit of a
/// meeting it carries the meeting's version.
/// </summary>
public sealed class ScoreMeeting(AppDbContext db, CurrentUser me, ScoreSheets sheets, TimeProvider clock)
{
    public async Task<Result<Meeting>> RunAsync(Guid meetingId, int expectedVersion, IReadOnlyList<int?> points, string? comment, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.Include(m => m.Organisation).Include(m => m.Score).ThenInclude(s => s!.Lines)
            .AsSplitQuery().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !MeetingAccess.CanRead(me, meeting.Organisation!))
        {
            return Fail(MeetingErrors.NotFound, "Không tìm thấy cuộc họp.");
        }

        if (!meeting.IsPartyMeeting || !MeetingAccess.CanEdit(me, meeting.Organisation!))
        {
            return Fail(MeetingErrors.Forbidden, "Chỉ chi ủy chấm điểm các buổi sinh hoạt của chi bộ.");
        }

        if (meeting.Version != expectedVersion)
        {
            return Result.Failure<Meeting>(await EditMeeting.ConflictAsync(db, meetingId, cancellationToken));
        }

        var sheet = await sheets.ForAsync(meeting.Organisation!, cancellationToken);
        var criteria = sheet.Content.Criteria;
        if (points.Count != criteria.Count || points.Any(p => p is null))
        {
            return Fail("SCORE-MISSING", "Chấm đủ điểm cho từng tiêu chí.");
        }

        var errors = criteria.Select((c, i) => (c, p: points[i]!.Value))
            .Where(x => x.p < 0 || x.p > x.c.Maximum)
            .Select(x => new Error("SCORE-ABOVE-MAXIMUM", $"Tiêu chí \"{x.c.Title}\": {x.p} điểm, ngoài khoảng 0–{x.c.Maximum}."))
            .ToList();
        if (errors.Count > 0)
        {
            return Result.Failure<Meeting>(errors);
        }

        if (MeetingErrors.FirstTooLong(("Nhận xét", comment, 2000)) is { } tooLong)
        {
            return Result.Failure<Meeting>(tooLong);
        }

        // A second scoring rewrites the one score of the meeting in place; its old lines go.
        var score = meeting.Score;
        if (score is null)
        {
            score = new MeetingScore { MeetingId = meeting.Id, SheetName = "", Band = "", ScoredBy = "" };
            db.MeetingScores.Add(score);
        }
        else
        {
            db.MeetingScoreLines.RemoveRange(score.Lines);
        }

        var total = points.Sum(p => p!.Value);
        score.SheetName = sheet.Content.Name + (sheet.Owner is { } owner ? $" ({owner.Name})" : "");
        score.Total = total;
        score.Maximum = sheet.Content.Maximum;
        score.Band = sheet.Content.BandFor(total);
        score.Comment = CreateMeeting.Clean(comment);
        score.ScoredBy = me.DisplayName;
        score.ScoredAt = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < criteria.Count; i++)
        {
            db.MeetingScoreLines.Add(new MeetingScoreLine { ScoreId = score.Id, Order = i + 1, Criterion = criteria[i].Title, Maximum = criteria[i].Maximum, Points = points[i]!.Value });
        }

        return await EditMeeting.SaveAsync(db, meeting, cancellationToken);
    }

    private static Result<Meeting> Fail(string code, string message) => Result.Failure<Meeting>(new Error(code, message));
}
