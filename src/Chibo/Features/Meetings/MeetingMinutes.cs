using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Documents;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Meetings;

/// <summary>A meeting with everything its page and its minutes show.</summary>
public sealed record MeetingFile(
    Meeting Meeting,
    Organisation Organisation,
    Organisation? Superior,
    IReadOnlyDictionary<Guid, string> Names,
    IReadOnlyList<MeetingVote> Votes);

/// <summary>Loads a meeting for reading and writes its minutes (biên bản) in the Party document layout.</summary>
public sealed class MeetingMinutes(AppDbContext db, CurrentUser me, IConfiguration configuration)
{
    public async Task<MeetingFile?> LoadAsync(Guid meetingId, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.AsNoTracking()
            .Include(m => m.Organisation)
            .Include(m => m.Guests)
            .Include(m => m.Attendance)
            .Include(m => m.Agenda).ThenInclude(a => a.Speeches)
            .Include(m => m.Tasks).ThenInclude(t => t.FollowUps)
            .Include(m => m.Score).ThenInclude(s => s!.Lines)
            .Include(m => m.Corrections)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !MeetingAccess.CanRead(me, meeting.Organisation!))
        {
            return null;
        }

        var superior = meeting.Organisation!.ParentId is { } parentId
            ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == parentId, cancellationToken)
            : null;
        var ids = meeting.Attendance.Select(a => a.PersonId).Append(meeting.ChairPersonId).Append(meeting.SecretaryPersonId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
        var itemIds = meeting.Agenda.Select(a => a.Id).ToList();
        var votes = await db.MeetingVotes.AsNoTracking().Where(v => itemIds.Contains(v.AgendaItemId)).ToListAsync(cancellationToken);
        return new MeetingFile(meeting, meeting.Organisation!, superior, names, [.. votes.OrderBy(v => v.RecordedAt)]);
    }

    public PageMargins Margins => PageMargins.From(configuration);

    /// <summary>The minutes: header, facts, attendance, proceedings, votes, tasks, closing and signatures.</summary>
    public PartyDocument Build(MeetingFile file)
    {
        var meeting = file.Meeting;
        var party = meeting.IsPartyMeeting;
        var symbol = party ? "BB/CB" : "BB/ĐTN";
        var header = new DocumentHeader(
            file.Superior?.Name ?? "",
            file.Organisation.Name,
            meeting.Number ?? $"…-{symbol}",
            configuration["Documents:Place"] ?? "Hà Nội",
            meeting.Date);
        var summary = MeetingLabels.Of(meeting.Kind) + (meeting.Topic is { } topic ? $" “{topic}”" : meeting.Kind == MeetingKind.Regular ? $" tháng {meeting.Date.Month}/{meeting.Date.Year}" : "");
        var body = new List<Block>
        {
            new($"bắt đầu lúc {MeetingLabels.Time(meeting.StartTime)}, {DocumentHeader.LongDate(meeting.Date)}.", Lead: "Thời gian:"),
            new(meeting.Place + ".", Lead: "Địa điểm:"),
            new("I. THÀNH PHẦN", BlockStyle.Heading),
        };

        if (meeting.Guests.Count > 0)
        {
            body.Add(new Block("", Lead: "Khách mời:"));
            body.AddRange(meeting.Guests.OrderBy(g => g.Order).Select(g => new Block(Guest(g), BlockStyle.Item)));
        }

        var comrade = party ? "đồng chí " : "";
        body.Add(new Block(comrade + file.Names.GetValueOrDefault(meeting.ChairPersonId, "") + ".", Lead: "Chủ trì:"));
        body.Add(new Block(comrade + file.Names.GetValueOrDefault(meeting.SecretaryPersonId, "") + ".", Lead: "Thư ký:"));

        if (meeting.Attendance.Count > 0)
        {
            // Attached members are counted on their own line: the cell's total is its own members.
            var own = meeting.Attendance.Where(a => a.Category != MemberCategory.Attached).ToList();
            var total = own.Count;
            var present = own.Count(a => a.Status == AttendanceStatus.Present);
            body.Add(party
                ? new Block($"tổng số đảng viên {total} đồng chí; có mặt {present} đồng chí, vắng {total - present} đồng chí.", Lead: "Đảng viên của chi bộ:")
                : new Block($"tổng số {total}; có mặt {present}, vắng {total - present}.", Lead: "Đoàn viên:"));
            foreach (var category in Enum.GetValues<MemberCategory>())
            {
                var lines = meeting.Attendance.Where(a => a.Category == category).ToList();
                if (lines.Count > 0)
                {
                    if (party)
                    {
                        body.Add(new Block($"{MeetingLabels.Of(category)}: có mặt {lines.Count(a => a.Status == AttendanceStatus.Present)}/{lines.Count} đồng chí.", BlockStyle.Item));
                    }
                }
            }

            foreach (var absent in meeting.Attendance.Where(a => a.Status != AttendanceStatus.Present).OrderBy(a => a.Category))
            {
                var why = absent.Status == AttendanceStatus.Excused ? $"vắng có lý do ({absent.Reason})" : "vắng không có lý do";
                body.Add(new Block($"{(party ? "Đồng chí " : "")}{file.Names.GetValueOrDefault(absent.PersonId, "")} ({MeetingLabels.Of(absent.Category).ToLowerInvariant()}): {why}.", BlockStyle.Item));
            }
        }

        body.Add(new Block("II. NỘI DUNG", BlockStyle.Heading));
        foreach (var item in meeting.Agenda.OrderBy(a => a.Order))
        {
            body.Add(new Block($"{item.Order}. {item.Title}", BlockStyle.Heading));
            foreach (var speech in item.Speeches.OrderBy(s => s.Order))
            {
                var who = speech.SpeakerTitle is { } title ? $"{speech.Speaker} – {title}:" : $"{speech.Speaker}:";
                body.Add(new Block(speech.Summary, BlockStyle.Item, Lead: (party ? "Đồng chí " : "") + who));
            }

            foreach (var vote in file.Votes.Where(v => v.AgendaItemId == item.Id))
            {
                var result = vote.Passed ? "thông qua" : "không thông qua";
                body.Add(new Block(
                    $"{vote.Question} Hình thức: {MeetingLabels.Of(vote.Method)}. Số người có quyền biểu quyết: {vote.Eligible}; tán thành {vote.For} ({Percent(vote.For, vote.Eligible)}), không tán thành {vote.Against}, không biểu quyết {vote.Abstain}. Kết quả: {result}.",
                    Lead: "Biểu quyết:"));
            }

            if (item.Conclusion is { } conclusion)
            {
                body.Add(new Block(conclusion, Lead: "Kết luận của chủ trì:"));
            }
        }

        if (meeting.Tasks.Count > 0)
        {
            body.Add(new Block("III. NHIỆM VỤ ĐƯỢC GIAO", BlockStyle.Heading));
            foreach (var task in meeting.Tasks)
            {
                var due = task.DueOn is { } d ? $"; hạn {d:dd/MM/yyyy}" : "";
                var done = task.DoneWhen is { } w ? $"; hoàn thành khi: {w}" : "";
                body.Add(new Block($"{task.Description} (thực hiện: {task.Owner}{due}{done}).", BlockStyle.Item));
            }
        }

        var end = meeting.EndTime is { } endTime ? $"lúc {MeetingLabels.Time(endTime)} cùng ngày" : "cùng ngày";
        body.Add(new Block($"Biên bản đã được đọc lại trước cuộc họp và được nhất trí thông qua. Cuộc họp kết thúc {end}.", BlockStyle.Paragraph));
        foreach (var correction in meeting.Corrections.OrderBy(c => c.At))
        {
            body.Add(new Block($"{correction.What} Lý do: {correction.Reason} ({correction.By}, {correction.At.AddHours(7):dd/MM/yyyy}).", BlockStyle.Note, Lead: "Đính chính sau khi ký:"));
        }

        return new PartyDocument(header, "BIÊN BẢN", summary, body,
            new Signature("Thư ký", file.Names.GetValueOrDefault(meeting.SecretaryPersonId, "")),
            new Signature("Chủ trì", file.Names.GetValueOrDefault(meeting.ChairPersonId, "")));
    }

    /// <summary>The file name of the minutes, without diacritics so every mail client keeps it.</summary>
    public static string FileName(Meeting meeting, string extension) => $"bien-ban-{meeting.Date:yyyy-MM-dd}.{extension}";

    private static string Guest(MeetingGuest guest)
    {
        var parts = new List<string> { guest.Name };
        if (guest.Title is { } title)
        {
            parts.Add(title);
        }

        if (guest.OrganisationName is { } organisation && (guest.Title is null || !guest.Title.Contains(organisation, StringComparison.Ordinal)))
        {
            parts.Add(organisation);
        }

        return string.Join(", ", parts) + ";";
    }

    private static string Percent(int part, int whole) => whole == 0 ? "0%" : $"{Math.Round(100.0 * part / whole, 1).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))}%";
}
