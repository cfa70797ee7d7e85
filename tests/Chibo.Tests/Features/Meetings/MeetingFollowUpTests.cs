using System.Globalization;
using System.Net;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Tests.Features.Meetings;

/// <summary>
/// The rest of the minutes book: attached members on the roll, concurrent edits, task follow-ups, scoring with
/// a criteria sheet, the month calendar and the refusals of bad input.
/// </summary>
public abstract partial class MeetingTests<TApp>
{
    [Fact]
    public async Task AttachedMembers_AreOnTheRollOfTheirDates_CountedInTheMinutes_ButNeitherVoteNorChair()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var during = await OpenMeetingAsync(client, "2024-04-02");
        var after = await OpenMeetingAsync(client, "2024-07-02");
        var before = await OpenMeetingAsync(client, "2024-03-06");
        await using var db = app.Database.CreateContext();
        var attached = await db.MeetingAttendance.Where(a => a.MeetingId == during && a.Category == MemberCategory.Attached)
            .Select(a => new { a.PersonId, a.Person!.FullName }).ToListAsync();
        var officials = await OfficialsAsync(during);

        var chairedByGuest = await PostAsync(client, during, "Facts", new()
        {
            ["startTime"] = "08:00", ["place"] = "Phòng họp A", ["chair"] = attached[0].PersonId.ToString(), ["secretary"] = attached[0].PersonId.ToString(),
        });
        var item = await AgendaItemAsync(client, during, "Biểu quyết có đảng viên sinh hoạt tạm thời dự");
        var tooMany = await PostAsync(client, during, "Vote", new()
        {
            ["item"] = item.ToString(), ["question"] = "Thông qua kế hoạch.", ["purpose"] = "General", ["method"] = "ShowOfHands",
            ["votesFor"] = (officials + 1).ToString(CultureInfo.InvariantCulture), ["against"] = "0", ["abstain"] = "0",
        });

        Assert.Equal(["Hoàng Thị Lan Anh", "Đỗ Minh Tuấn"], attached.Select(a => a.FullName).Order(StringComparer.Ordinal));
        Assert.Equal(["Hoàng Thị Lan Anh"], await db.MeetingAttendance.Where(a => a.MeetingId == after && a.Category == MemberCategory.Attached).Select(a => a.Person!.FullName).ToListAsync());
        Assert.False(await db.MeetingAttendance.AnyAsync(a => a.MeetingId == before && a.Category == MemberCategory.Attached));
        Assert.Contains("Người chủ trì phải là đảng viên", await chairedByGuest.Content.ReadAsStringAsync());
        Assert.Contains($"vượt quá {officials} người có quyền biểu quyết", await tooMany.Content.ReadAsStringAsync());
        var page = await client.GetStringAsync(new Uri($"/hop/{during}", UriKind.Relative));
        Assert.Contains("Đảng viên sinh hoạt tạm thời:</strong> có mặt 2/2", page);
        var pdf = await PdfText.ReadAsync(await client.GetByteArrayAsync(new Uri($"/hop/{during}?handler=Pdf", UriKind.Relative)));
        Assert.Contains("Đảng viên sinh hoạt tạm thời: có mặt 2/2 đồng chí.", pdf);
        var own = await db.MeetingAttendance.CountAsync(a => a.MeetingId == during && a.Category != MemberCategory.Attached);
        Assert.Contains($"tổng số đảng viên {own} đồng chí", pdf);
    }

    [Fact]
    public async Task TheCellCommittee_RecordsAnAttachedMember_WhoIsOnTheRollOfTheMeetingsInTheirDates_UntilEnded()
    {
        await using var db = app.Database.CreateContext();
        var cell = await db.Organisations.SingleAsync(o => o.Name == StoryCell);
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        using var member = await SignIn.AsAsync(app.Factory, "dangvien");
        Dictionary<string, string> form = new()
        {
            ["fullName"] = "Vũ Thị Hạnh", ["gender"] = "Female", ["homeCell"] = "Chi bộ Khoa Dược, Đảng bộ Bệnh viện Bạch Mai",
            ["from"] = "2024-12-01", ["to"] = "2024-11-01", ["reason"] = "Học liên thông",
        };

        var backwards = await PostPairsAsync(client, $"/hop?don-vi={cell.Id}", $"/hop?don-vi={cell.Id}&handler=Attach", [.. form.Select(f => (f.Key, f.Value))]);
        var byAMember = await PostPairsAsync(member, $"/hop?don-vi={cell.Id}", $"/hop?don-vi={cell.Id}&handler=Attach", [.. form.Select(f => (f.Key, f.Value))]);
        form["to"] = "";
        var added = await PostPairsAsync(client, $"/hop?don-vi={cell.Id}", $"/hop?don-vi={cell.Id}&handler=Attach", [.. form.Select(f => (f.Key, f.Value))]);
        var during = await OpenMeetingAsync(client, "2024-12-03");
        var attachment = await db.PartyAttachments.SingleAsync(a => a.Person!.FullName == "Vũ Thị Hạnh");
        var ended = await PostPairsAsync(client, $"/hop?don-vi={cell.Id}", $"/hop?don-vi={cell.Id}&handler=EndAttachment",
            [("attachment", attachment.Id.ToString()), ("attachmentVersion", attachment.Version.ToString(CultureInfo.InvariantCulture)), ("to", "2024-12-15")]);
        var after = await OpenMeetingAsync(client, "2024-12-17");

        Assert.Contains("ATTACHMENT-DATES", await backwards.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, byAMember.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal("Chi bộ Khoa Dược, Đảng bộ Bệnh viện Bạch Mai", attachment.HomeCellName);
        Assert.True(await db.MeetingAttendance.AnyAsync(a => a.MeetingId == during && a.PersonId == attachment.PersonId && a.Category == MemberCategory.Attached));
        Assert.False(await db.MeetingAttendance.AnyAsync(a => a.MeetingId == after && a.PersonId == attachment.PersonId));
        Assert.Contains("từ 01/12/2024 đến 15/12/2024", await client.GetStringAsync(new Uri($"/hop?don-vi={cell.Id}", UriKind.Relative)));
    }

    [Fact]
    public async Task TwoEditsFromTheSamePage_TheStaleOneIsRefusedWithAConflict_AndWritesNothing()
    {
        var caseId = await app.TakeCaseAsync(Stage.Applying);
        using var secretary = await SignIn.AsAsync(app.Factory, "bithu");
        using var deputy = await SignIn.AsAsync(app.Factory, "chiuy");
        var id = await OpenMeetingAsync(secretary, "2024-05-14");
        var item = await AgendaItemAsync(secretary, id, "Xét đề nghị kết nạp đảng viên");
        var version = SignIn.VersionOf(await deputy.GetStringAsync(new Uri($"/hop/{id}", UriKind.Relative)))!;
        await using var db = app.Database.CreateContext();
        var member = await db.MeetingAttendance.Where(a => a.MeetingId == id).Select(a => a.PersonId).FirstAsync();

        var first = await PostAsync(secretary, id, "Agenda", new() { ["title"] = "Nội dung của bí thư", ["version"] = version });
        var second = await PostAsync(deputy, id, "Agenda", new() { ["title"] = "Nội dung của phó bí thư", ["version"] = version });
        var attendance = await PostAsync(deputy, id, "Attendance", new() { ["person"] = member.ToString(), ["status"] = "Absent", ["version"] = version });
        var vote = await PostAsync(deputy, id, "Vote", new()
        {
            ["item"] = item.ToString(), ["question"] = "Đề nghị kết nạp.", ["purpose"] = "Admission", ["method"] = "SecretBallot",
            ["votesFor"] = "1", ["against"] = "0", ["abstain"] = "0", ["caseId"] = caseId.ToString(), ["version"] = version,
        });
        var noVersion = await PostAsync(deputy, id, "End", new() { ["endTime"] = "10:00", ["version"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        foreach (var refused in new[] { second, attendance, vote, noVersion })
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("Biên bản vừa được người khác sửa", await refused.Content.ReadAsStringAsync());
        }

        await using var after = app.Database.CreateContext();
        var titles = await after.MeetingAgendaItems.Where(a => a.MeetingId == id).Select(a => a.Title).ToListAsync();
        Assert.Contains("Nội dung của bí thư", titles);
        Assert.DoesNotContain("Nội dung của phó bí thư", titles);
        Assert.Equal(AttendanceStatus.Present, (await after.MeetingAttendance.SingleAsync(a => a.MeetingId == id && a.PersonId == member)).Status);
        Assert.False(await after.MeetingVotes.AnyAsync(v => v.CaseId == caseId));
        Assert.Equal(Stage.Applying, (await after.Cases.SingleAsync(c => c.Id == caseId)).Stage);
        Assert.Null((await after.Meetings.SingleAsync(m => m.Id == id)).EndTime);
    }

    [Fact]
    public async Task EditsPostedAtTheSameMoment_OneIsSaved_TheOthersAreConflicts()
    {
        using var secretary = await SignIn.AsAsync(app.Factory, "bithu");
        using var deputy = await SignIn.AsAsync(app.Factory, "chiuy");
        var id = await OpenMeetingAsync(secretary, "2024-05-21");
        var clients = new[] { secretary, deputy, secretary, deputy };
        var pages = await Task.WhenAll(clients.Select(c => c.GetStringAsync(new Uri($"/hop/{id}", UriKind.Relative))));

        var responses = await Task.WhenAll(clients.Select((client, i) =>
        {
            var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["title"] = $"Nội dung số {i}", ["version"] = SignIn.VersionOf(pages[i])!, ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(pages[i]),
            });
            return client.PostAsync(new Uri($"/hop/{id}?handler=Agenda", UriKind.Relative), content);
        }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.MeetingAgendaItems.CountAsync(a => a.MeetingId == id));
    }

    [Fact]
    public async Task ATasksFollowUps_ShowOnTheList_OnItsMeeting_AndOnTheNextMeeting_AndClosingSaysWhatWasDone()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var id = await OpenMeetingAsync(client, "2024-08-06");
        var assigned = await PostAsync(client, id, "Task", new()
        {
            ["description"] = "Rà soát danh sách quần chúng ưu tú khóa K24", ["owner"] = "Đồng chí phó bí thư", ["due"] = "2024-08-30", ["doneWhen"] = "Danh sách trình chi ủy",
        });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        await using var db = app.Database.CreateContext();
        var task = await db.MeetingTasks.SingleAsync(t => t.MeetingId == id);

        var followed = await FollowUpAsync(client, id, "FollowUp", task.Id, task.Version, new()
        {
            ["on"] = "2024-08-20", ["note"] = "Đã nhận danh sách của 3 chi đoàn, còn chờ 2 chi đoàn", ["progress"] = "InProgress", ["due"] = "2024-09-15",
        });
        var stale = await FollowUpAsync(client, id, "FollowUp", task.Id, task.Version, new() { ["on"] = "2024-08-21", ["note"] = "Ghi từ trang cũ" });
        var silent = await FollowUpAsync(client, id, "CloseTask", task.Id, task.Version + 1, new() { ["on"] = "2024-09-10", ["note"] = "" });
        var next = await OpenMeetingAsync(client, "2024-09-03");
        var nextPage = await client.GetStringAsync(new Uri($"/hop/{next}", UriKind.Relative));
        var list = await client.GetStringAsync(new Uri("/hop/nhiem-vu", UriKind.Relative));
        var closed = await FollowUpAsync(client, id, "CloseTask", task.Id, task.Version + 1, new() { ["on"] = "2024-09-10", ["note"] = "Danh sách 12 đoàn viên ưu tú đã trình chi ủy" });

        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Nhiệm vụ vừa được người khác cập nhật", await stale.Content.ReadAsStringAsync());
        Assert.Contains("Ghi nội dung theo dõi (khi đóng: kết quả đã thực hiện).", await silent.Content.ReadAsStringAsync());
        foreach (var page in new[] { nextPage, list })
        {
            Assert.Contains("Rà soát danh sách quần chúng ưu tú khóa K24", page);
            Assert.Contains("Đã nhận danh sách của 3 chi đoàn, còn chờ 2 chi đoàn", page);
            Assert.Contains("hạn mới 15/09/2024", page);
        }

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        await using var after = app.Database.CreateContext();
        var stored = await after.MeetingTasks.Include(t => t.FollowUps).SingleAsync(t => t.Id == task.Id);
        Assert.Equal((new DateOnly(2024, 9, 10), "Danh sách 12 đoàn viên ưu tú đã trình chi ủy", new DateOnly(2024, 9, 15), TaskProgress.InProgress),
            (stored.ClosedOn!.Value, stored.ClosedNote, stored.DueOn!.Value, stored.Progress));
        Assert.Equal([false, true], stored.FollowUps.OrderBy(f => f.On).Select(f => f.Closes));
        Assert.Equal(2, await after.AuditEntries.CountAsync(a => a.EntityType == nameof(MeetingTaskFollowUp) && a.Action == "create" && a.Changes!.Contains(task.Id.ToString())));
        var meetingPage = await client.GetStringAsync(new Uri($"/hop/{id}", UriKind.Relative));
        Assert.Contains("Hoàn thành — Danh sách 12 đoàn viên ưu tú đã trình chi ủy", meetingPage);
        Assert.DoesNotContain("Rà soát danh sách quần chúng ưu tú khóa K24", await client.GetStringAsync(new Uri("/hop/nhiem-vu", UriKind.Relative)));
    }

    [Fact]
    public async Task TheOwnerOfATask_FollowsItUpFromTheTasksPage_AMemberWhoIsNotTheOwnerCannot()
    {
        using var owner = await SignIn.AsAsync(app.Factory, "doantruong");
        using var member = await SignIn.AsAsync(app.Factory, "dangvien");
        await using var db = app.Database.CreateContext();
        var task = await db.MeetingTasks.SingleAsync(t => t.OwnerPersonId != null && t.Description.StartsWith("Theo Hướng dẫn số 01"));

        var refused = await PostTasksPageAsync(member, "FollowUp", task.Id, task.Version, new() { ["on"] = "2024-03-05", ["note"] = "Không phải việc của tôi" });
        var recorded = await PostTasksPageAsync(owner, "FollowUp", task.Id, task.Version, new() { ["on"] = "2024-03-05", ["note"] = "Đã gửi hướng dẫn tới các chi đoàn" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.True(HttpStatusCode.Redirect == recorded.StatusCode, await recorded.Content.ReadAsStringAsync());
        var list = await owner.GetStringAsync(new Uri("/hop/nhiem-vu", UriKind.Relative));
        Assert.Contains("Đã gửi hướng dẫn tới các chi đoàn", list);
        Assert.Contains("(của tôi)", list);
    }

    [Fact]
    public async Task AScore_AboveACriterionsMaximum_IsRefused_AndAValidOneShowsOnTheMeetingAndTheRhythmView()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var id = await OpenMeetingAsync(client, "2024-10-08");
        var page = await client.GetStringAsync(new Uri($"/hop/{id}", UriKind.Relative));
        var maxima = System.Text.RegularExpressions.Regex.Matches(page, "name=\"points\" min=\"0\" max=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(maxima);

        var above = await PostScoreAsync(client, id, [maxima[0] + 1, .. maxima.Skip(1)]);
        var missing = await PostScoreAsync(client, id, maxima.Skip(1).ToList());
        var scored = await PostScoreAsync(client, id, maxima);
        var rescored = await PostScoreAsync(client, id, [0, .. maxima.Skip(1)]);

        Assert.Contains("SCORE-ABOVE-MAXIMUM", await above.Content.ReadAsStringAsync());
        Assert.Contains($"{maxima[0] + 1} điểm, ngoài khoảng 0–{maxima[0]}", await above.Content.ReadAsStringAsync());
        Assert.Contains("Chấm đủ điểm cho từng tiêu chí.", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, scored.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, rescored.StatusCode);
        await using var db = app.Database.CreateContext();
        var score = await db.MeetingScores.Include(s => s.Lines).SingleAsync(s => s.MeetingId == id);
        Assert.Equal((maxima.Sum() - maxima[0], maxima.Sum(), maxima.Count), (score.Total, score.Maximum, score.Lines.Count));
        Assert.Contains($"{score.Total}/{score.Maximum} điểm — xếp loại {score.Band}", await client.GetStringAsync(new Uri($"/hop/{id}", UriKind.Relative)));
        var rhythm = await client.GetStringAsync(new Uri("/hop/nhip-do?nam=2024", UriKind.Relative));
        Assert.Contains($"{(int)Math.Round(100.0 * score.Total / score.Maximum)}% {score.Band}", rhythm);
        // The article's meeting was scored by the cell committee in the demo.
        Assert.Contains("92% Tốt", rhythm);
    }

    [Fact]
    public async Task ACommitteesSheet_IsInheritedByItsCells_EditableOnlyByThatCommittee_AndValidated()
    {
        await using var db = app.Database.CreateContext();
        var cell = await db.Organisations.SingleAsync(o => o.Name == StoryCell);
        var bloc = await db.Organisations.SingleAsync(o => o.Id == cell.ParentId);
        using var department = await SignIn.AsAsync(app.Factory, "bantochuc");
        using var secretary = await SignIn.AsAsync(app.Factory, "bithu");
        var defaultPage = await secretary.GetStringAsync(new Uri($"/hop/tieu-chi?don-vi={cell.Id}", UriKind.Relative));
        Assert.Contains("phiếu mặc định của Chibo", defaultPage);
        Assert.Contains("Theo dõi nhiệm vụ", defaultPage);

        var noZeroBand = await PostSheetAsync(department, bloc.Id, "Phiếu của Đảng ủy Khối", [("Chuẩn bị", 40), ("Nội dung", 60)], [("Đạt", 50)]);
        var byTheCell = await PostSheetAsync(secretary, bloc.Id, "Phiếu do chi bộ sửa", [("Chuẩn bị", 100)], [("Đạt", 0)]);
        var saved = await PostSheetAsync(department, bloc.Id, "Phiếu chấm điểm sinh hoạt chi bộ của Đảng ủy Khối", [("Chuẩn bị và điều hành", 30), ("Nội dung", 40), ("Thảo luận", 15), ("Kết luận, nhiệm vụ", 15)],
            [("Tốt", 90), ("Khá", 70), ("Trung bình", 50), ("Kém", 0)]);

        Assert.Contains("mức thấp nhất bắt đầu từ 0 điểm", await noZeroBand.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.OK, byTheCell.StatusCode);
        Assert.False(await db.ScoreSheets.AnyAsync(s => s.Name == "Phiếu do chi bộ sửa"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var inherited = await secretary.GetStringAsync(new Uri($"/hop/tieu-chi?don-vi={cell.Id}", UriKind.Relative));
        Assert.Contains($"kế thừa phiếu của {bloc.Name}", inherited);
        Assert.Contains("Chuẩn bị và điều hành", inherited);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ScoreSheet) && a.Action == "create"));
    }

    [Fact]
    public async Task TheCalendar_ShowsTheMonthsMeetings_HeldAndPlanned()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var planned = await OpenMeetingAsync(client, "2099-01-13");

        var march = await client.GetStringAsync(new Uri("/hop/lich?thang=2024-03", UriKind.Relative));
        var future = await client.GetStringAsync(new Uri("/hop/lich?thang=2099-01", UriKind.Relative));
        var nonsense = await client.GetAsync(new Uri("/hop/lich?thang=abc", UriKind.Relative));

        Assert.Contains("Lịch họp tháng 3/2024", march);
        Assert.Contains("Sinh hoạt chuyên đề: Xây dựng nguồn và phát triển đảng viên trong học sinh, sinh viên", march);
        Assert.Contains("Đã ký", march);
        Assert.Contains($"href=\"/hop/{planned}\"", future);
        Assert.Contains("<span class=\"badge warning\">Dự kiến</span>", future);
        Assert.Equal(HttpStatusCode.OK, nonsense.StatusCode);
    }

    [Fact]
    public async Task TooLongTexts_AndAGeneralVoteNamingACase_AreRefusedInVietnamese_AndNothingIsWritten()
    {
        var caseId = await app.TakeCaseAsync(Stage.Outstanding);
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var id = await OpenMeetingAsync(client, "2024-11-05");
        var item = await AgendaItemAsync(client, id, "Biểu quyết");

        var longTitle = await PostAsync(client, id, "Agenda", new() { ["title"] = new string('a', 501) });
        var longReason = await PostAsync(client, id, "Attendance", new()
        {
            ["person"] = (await FirstOnRollAsync(id)).ToString(), ["status"] = "Excused", ["reason"] = new string('b', 301),
        });
        var generalWithCase = await PostAsync(client, id, "Vote", new()
        {
            ["item"] = item.ToString(), ["question"] = "Thông qua.", ["purpose"] = "General", ["method"] = "ShowOfHands",
            ["votesFor"] = "1", ["against"] = "0", ["abstain"] = "0", ["caseId"] = caseId.ToString(),
        });

        Assert.Contains("Tên nội dung dài 501 ký tự, vượt quá 500 ký tự cho phép.", await longTitle.Content.ReadAsStringAsync());
        Assert.Contains("Lý do vắng dài 301 ký tự", await longReason.Content.ReadAsStringAsync());
        Assert.Contains("VOTE-CASE-GENERAL", await generalWithCase.Content.ReadAsStringAsync());
        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.MeetingAgendaItems.CountAsync(a => a.MeetingId == id));
        Assert.False(await db.MeetingAttendance.AnyAsync(a => a.MeetingId == id && a.Status != AttendanceStatus.Present));
        Assert.False(await db.MeetingVotes.AnyAsync(v => v.AgendaItemId == item));
    }

    private async Task<Guid> FirstOnRollAsync(Guid meetingId)
    {
        await using var db = app.Database.CreateContext();
        return await db.MeetingAttendance.Where(a => a.MeetingId == meetingId).OrderBy(a => a.Id).Select(a => a.PersonId).FirstAsync();
    }

    private static Task<HttpResponseMessage> PostScoreAsync(HttpClient client, Guid meetingId, IReadOnlyList<int> points) =>
        PostPairsAsync(client, $"/hop/{meetingId}", $"/hop/{meetingId}?handler=Score", [.. points.Select(p => ("points", p.ToString(CultureInfo.InvariantCulture))), ("comment", "Chi bộ tự chấm")], versionFromPage: true);

    private static Task<HttpResponseMessage> FollowUpAsync(HttpClient client, Guid meetingId, string handler, Guid taskId, int taskVersion, Dictionary<string, string> fields) =>
        PostPairsAsync(client, $"/hop/{meetingId}", $"/hop/{meetingId}?handler={handler}",
            [.. fields.Select(f => (f.Key, f.Value)), ("task", taskId.ToString()), ("taskVersion", taskVersion.ToString(CultureInfo.InvariantCulture))]);

    private static Task<HttpResponseMessage> PostTasksPageAsync(HttpClient client, string handler, Guid taskId, int taskVersion, Dictionary<string, string> fields) =>
        PostPairsAsync(client, "/hop/nhiem-vu", $"/hop/nhiem-vu?handler={handler}",
            [.. fields.Select(f => (f.Key, f.Value)), ("task", taskId.ToString()), ("taskVersion", taskVersion.ToString(CultureInfo.InvariantCulture))]);

    private static Task<HttpResponseMessage> PostSheetAsync(HttpClient client, Guid organisationId, string name, (string Title, int Maximum)[] criteria, (string Name, int Minimum)[] bands)
    {
        List<(string, string)> fields = [("Name", name)];
        for (var i = 0; i < criteria.Length; i++)
        {
            fields.Add(($"Criteria[{i}].Title", criteria[i].Title));
            fields.Add(($"Criteria[{i}].Maximum", criteria[i].Maximum.ToString(CultureInfo.InvariantCulture)));
        }

        for (var i = 0; i < bands.Length; i++)
        {
            fields.Add(($"Bands[{i}].Name", bands[i].Name));
            fields.Add(($"Bands[{i}].Minimum", bands[i].Minimum.ToString(CultureInfo.InvariantCulture)));
        }

        return PostPairsAsync(client, $"/hop/tieu-chi?don-vi={organisationId}", $"/hop/tieu-chi?don-vi={organisationId}", fields, sheetVersionFromPage: true);
    }

    /// <summary>Posts repeated fields (a list of points) with the token of the page the form is on.</summary>
    private static async Task<HttpResponseMessage> PostPairsAsync(HttpClient client, string pageUrl, string postUrl, List<(string Key, string Value)> fields, bool versionFromPage = false, bool sheetVersionFromPage = false)
    {
        var page = await client.GetStringAsync(new Uri(pageUrl, UriKind.Relative));
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        pairs.Add(new("__RequestVerificationToken", SignIn.AntiforgeryToken(page)));
        if (versionFromPage)
        {
            pairs.Add(new("version", SignIn.VersionOf(page) ?? ""));
        }

        if (sheetVersionFromPage)
        {
            var sheetVersion = System.Text.RegularExpressions.Regex.Match(page, "name=\"SheetVersion\" value=\"(\\d*)\"");
            pairs.Add(new("SheetVersion", sheetVersion.Success ? sheetVersion.Groups[1].Value : ""));
        }

        using var content = new FormUrlEncodedContent(pairs);
        return await client.PostAsync(new Uri(postUrl, UriKind.Relative), content);
    }
}
