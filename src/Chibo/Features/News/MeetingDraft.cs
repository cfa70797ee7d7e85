using System.Net;
using System.Text;
using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Common;
using Chibo.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.News;

/// <summary>
/// "Viết tin" on a meeting: a draft article with the meeting's title, date, place, chair, guests and the gist
/// of each agenda item (who spoke, the chair's conclusion), for the editor to rewrite. Reading the minutes
/// for it is audited like any other view of them.
/// </summary>
public sealed class MeetingDraft(AppDbContext db, CurrentUser me, AuditLog audit, ArticleDesk desk)
{
    public async Task<Result<NewsArticle>> RunAsync(Guid meetingId, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.AsNoTracking()
            .Include(m => m.Organisation)
            .Include(m => m.Chair)
            .Include(m => m.Guests)
            .Include(m => m.Agenda).ThenInclude(a => a.Speeches)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !MeetingAccess.CanRead(me, meeting.Organisation!))
        {
            return Result.Failure<NewsArticle>(new Error(ArticleDesk.NotFound, "Không tìm thấy cuộc họp."));
        }

        if (!NewsAccess.CanWrite(me, meeting.Organisation!))
        {
            return Result.Failure<NewsArticle>(new Error(ArticleDesk.Forbidden, "Bạn không có quyền viết tin cho đơn vị này."));
        }

        await audit.RecordViewAsync("Meeting", meetingId, cancellationToken);
        return await desk.CreateAsync(meeting.OrganisationId, Compose(meeting), meeting.Id, cancellationToken);
    }

    internal static ArticleInput Compose(Meeting meeting)
    {
        var organisation = meeting.Organisation!.Name;
        var what = MeetingLabels.Of(meeting.Kind).ToLowerInvariant();
        var title = meeting.Topic is { } topic ? $"{organisation} tổ chức buổi {what} “{topic}”" : $"{organisation} tổ chức buổi {what}";
        var body = new StringBuilder();
        Paragraph(body, $"Ngày {meeting.Date:dd/MM/yyyy}, tại {meeting.Place}, {organisation} tổ chức buổi {what}"
            + (meeting.Topic is null ? "." : $" với chủ đề “{meeting.Topic}”.")
            + (meeting.Chair is { } chair ? $" Đồng chí {chair.FullName} chủ trì." : ""));
        if (meeting.Guests.Count > 0)
        {
            var guests = meeting.Guests.OrderBy(g => g.Order)
                .Select(g => g.Name + (g.Title is null ? "" : $", {g.Title}") + (g.OrganisationName is null ? "" : $" ({g.OrganisationName})"));
            Paragraph(body, $"Tham dự có các đồng chí: {string.Join("; ", guests)}.");
        }

        foreach (var item in meeting.Agenda.OrderBy(a => a.Order))
        {
            body.Append("<h2>").Append(WebUtility.HtmlEncode(item.Title)).Append("</h2>");
            foreach (var speech in item.Speeches.OrderBy(s => s.Order))
            {
                Paragraph(body, $"Đồng chí {speech.Speaker}{(speech.SpeakerTitle is null ? "" : $", {speech.SpeakerTitle}")}: {speech.Summary}");
            }

            if (item.Conclusion is { } conclusion)
            {
                Paragraph(body, $"Kết luận: {conclusion}");
            }
        }

        var category = MeetingAccess.IsUnion(meeting.Organisation.Kind) ? NewsCategory.YouthUnion : NewsCategory.PartyBuilding;
        return new ArticleInput(title, null, body.ToString(), category, Featured: false);
    }

    private static void Paragraph(StringBuilder body, string text) => body.Append("<p>").Append(WebUtility.HtmlEncode(text)).Append("</p>");
}
