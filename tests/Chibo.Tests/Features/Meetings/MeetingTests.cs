using System.Net;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Chibo.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Tests.Features.Meetings;

/// <summary>
/// The minutes book through HTTP: opening a meeting, writing and signing it, votes that move or note a
/// case, and the minutes read back from the DOCX and PDF files. Each test opens its own meetings.
/// </summary>
public abstract partial class MeetingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : DemoApp
{
    private const string StoryCell = "Chi bộ Trường Cao đẳng Y Hà Nội";

    [Fact]
    public async Task TheArticlesMeeting_IsInTheDemo_AndItsMinutesReadBackFromDocx()
    {
        var id = await ThematicMeetingAsync();
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var list = await client.GetStringAsync(new Uri("/hop", UriKind.Relative));
        var response = await client.GetAsync(new Uri($"/hop/{id}?handler=Docx", UriKind.Relative));

        Assert.Contains("Xây dựng nguồn và phát triển đảng viên trong học sinh, sinh viên", list);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bien-ban-2024-03-05.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        var body = word.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        var text = string.Join("\n", paragraphs);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", paragraphs);
        Assert.Contains("ĐẢNG ỦY KHỐI DOANH NGHIỆP QUẬN THANH XUÂN", paragraphs);
        Assert.Contains("CHI BỘ TRƯỜNG CAO ĐẲNG Y HÀ NỘI", paragraphs);
        Assert.Contains("Số …-BB/CB", paragraphs);
        Assert.Contains("BIÊN BẢN", paragraphs);
        Assert.Contains("Sinh hoạt chuyên đề “Xây dựng nguồn và phát triển đảng viên trong học sinh, sinh viên”", paragraphs);
        var dateRun = body.Descendants<Run>().Single(r => r.InnerText == "Hà Nội, ngày 05 tháng 3 năm 2024");
        Assert.NotNull(dateRun.RunProperties?.Italic);
        Assert.Contains("Nguyễn Minh Tiến, Phó Bí thư Thường trực Quận ủy, Chủ tịch HĐND quận Thanh Xuân", text);
        Assert.Contains("Nguyễn Thu Hà, Phó Trưởng Ban Tổ chức Quận ủy", text);
        Assert.Contains("TS. Lê Đức Mạnh, Chủ tịch Hội đồng quản trị", text);
        Assert.Contains("Chủ trì: đồng chí Lê Ngọc Biên.", text);
        Assert.Contains("Thời gian: bắt đầu lúc 08 giờ 00, ngày 05 tháng 3 năm 2024.", text);
        Assert.Contains("Đồng chí Phạm Thúy Hường – Đảng viên Chi bộ, Bí thư Đoàn trường:", text);
        Assert.Contains("Hướng dẫn số 01 ngày 19/01/2023", text);
        Assert.Contains("Đồng chí Nguyễn Trịnh Yến Vi – Đảng viên dự bị, sinh viên lớp K23N3:", text);
        Assert.Contains("Đồng chí GS.TS. Lê Trung Hải – Hiệu trưởng:", text);
        Assert.Contains("Kết luận của chủ trì:", text);
        Assert.Contains("III. NHIỆM VỤ ĐƯỢC GIAO", text);
        Assert.Contains("Đảng viên dự bị: có mặt", text);
        Assert.Contains("Cuộc họp kết thúc lúc 11 giờ 00 cùng ngày.", text);
        Assert.Contains("THƯ KÝ", paragraphs);
        Assert.Contains("CHỦ TRÌ", paragraphs);
        // The chair signs on the right, so the chair's name closes the document.
        Assert.Equal("Lê Ngọc Biên", paragraphs[^1]);
        var fonts = word.MainDocumentPart.StyleDefinitionsPart!.Styles!.Descendants<RunFonts>().Single();
        Assert.Equal("Times New Roman", fonts.Ascii?.Value);
        var page = body.Descendants<PageSize>().Single();
        Assert.Equal(11906u, page.Width?.Value);
    }

    [Fact]
    public async Task TheArticlesMeeting_MinutesAsPdf_CarryVietnameseLettersThatReadBack()
    {
        var id = await ThematicMeetingAsync();
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var response = await client.GetAsync(new Uri($"/hop/{id}?handler=Pdf", UriKind.Relative));

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await PdfText.ReadAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text);
        Assert.Contains("Hà Nội, ngày 05 tháng 3 năm 2024", text);
        Assert.Contains("Số …-BB/CB", text);
        Assert.Contains("BIÊN BẢN", text);
        Assert.Contains("Nguyễn Minh Tiến", text);
        Assert.Contains("Phạm Thúy Hường", text);
        Assert.Contains("Nguyễn Trịnh Yến Vi", text);
        Assert.Contains("kết nạp", text);
        Assert.Contains("Số", text);
        Assert.Contains("đồng chí Lê Ngọc Biên", text);
        Assert.Contains("THƯ KÝ", text);
        Assert.Contains("CHỦ TRÌ", text);
    }

    [Fact]
    public async Task AChairWhoIsNotAMember_IsRefusedInVietnamese()
    {
        await using var db = app.Database.CreateContext();
        var cell = await db.Organisations.SingleAsync(o => o.Name == StoryCell);
        var boardChair = await db.People.Where(p => p.FullName == "Lê Đức Mạnh").Select(p => p.Id).FirstAsync();
        var secretary = await db.Users.Where(u => u.UserName == "bithu").Select(u => u.PersonId!.Value).SingleAsync();
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var response = await CreateAsync(client, cell.Id, "Regular", "2024-04-09", boardChair, secretary);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Người chủ trì phải là đảng viên của Chi bộ Trường Cao đẳng Y Hà Nội vào ngày 09/04/2024", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnOpenMeetingsChair_CanOnlyBeChangedToAMemberOnTheRoll()
    {
        await using var db = app.Database.CreateContext();
        var boardChair = await db.People.Where(p => p.FullName == "Lê Đức Mạnh").Select(p => p.Id).FirstAsync();
        var secretary = await db.Users.Where(u => u.UserName == "bithu").Select(u => u.PersonId!.Value).SingleAsync();
        var deputy = await db.Users.Where(u => u.UserName == "chiuy").Select(u => u.PersonId!.Value).SingleAsync();
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var id = await OpenMeetingAsync(client, "2024-06-04");

        var refused = await PostAsync(client, id, "Facts", new()
        {
            ["startTime"] = "14:00", ["place"] = "Phòng họp A", ["chair"] = boardChair.ToString(), ["secretary"] = secretary.ToString(),
        });
        var changed = await PostAsync(client, id, "Facts", new()
        {
            ["startTime"] = "14:00", ["place"] = "Phòng họp A", ["chair"] = deputy.ToString(), ["secretary"] = secretary.ToString(), ["number"] = "07-BB/CB",
        });

        Assert.Contains("Người chủ trì phải là đảng viên", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await using var after = app.Database.CreateContext();
        var meeting = await after.Meetings.SingleAsync(m => m.Id == id);
        Assert.Equal((deputy, "07-BB/CB", new TimeOnly(14, 0)), (meeting.ChairPersonId, meeting.Number, meeting.StartTime));
    }

    [Fact]
    public async Task SignedMinutes_RefuseAnAttendanceChange_ButTakeACorrectionWithItsReason()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var id = await OpenMeetingAsync(client, "2024-04-09");
        await using var db = app.Database.CreateContext();
        var member = await db.MeetingAttendance.Where(a => a.MeetingId == id).Select(a => a.PersonId).FirstAsync();

        var noReason = await PostAsync(client, id, "Attendance", new() { ["person"] = member.ToString(), ["status"] = "Excused" });
        var excused = await PostAsync(client, id, "Attendance", new() { ["person"] = member.ToString(), ["status"] = "Excused", ["reason"] = "Đi công tác" });
        await PostAsync(client, id, "Agenda", new() { ["title"] = "Ấn định lịch sinh hoạt quý II" });
        await PostAsync(client, id, "End", new() { ["endTime"] = "10:30" });
        var signed = await PostAsync(client, id, "Sign", []);
        var late = await PostAsync(client, id, "Attendance", new() { ["person"] = member.ToString(), ["status"] = "Present" });
        var corrected = await PostAsync(client, id, "Correct", new() { ["what"] = "Đồng chí vắng có mặt từ 9 giờ.", ["reason"] = "Thư ký ghi sót" });

        Assert.Contains("Vắng có lý do: nhập lý do vắng.", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, excused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Contains("Biên bản đã ký ngày", await late.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        await using var after = app.Database.CreateContext();
        Assert.Equal(AttendanceStatus.Excused, (await after.MeetingAttendance.SingleAsync(a => a.MeetingId == id && a.PersonId == member)).Status);
        var page = await client.GetStringAsync(new Uri($"/hop/{id}", UriKind.Relative));
        Assert.Contains("Thư ký ghi sót", page);
        Assert.DoesNotContain("Ký biên bản</button>", page);
        var pdf = await PdfText.ReadAsync(await client.GetByteArrayAsync(new Uri($"/hop/{id}?handler=Pdf", UriKind.Relative)));
        Assert.Contains("Ấn định lịch sinh hoạt quý II", pdf);
        Assert.Contains("vắng có lý do (Đi công tác)", pdf);
        Assert.Contains("Đính chính sau khi ký:", pdf);
    }

    [Fact]
    public async Task ASympathizerListVote_ThatPasses_RecordsTheCaseStepThroughTheRules_LinkedToTheVote()
    {
        var caseId = await app.TakeCaseAsync(Stage.Outstanding);
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var id = await OpenMeetingAsync(client, "2024-04-16");
        var item = await AgendaItemAsync(client, id, "Xét đưa quần chúng ưu tú vào danh sách cảm tình Đảng");
        var eligible = await OfficialsAsync(id);
        var vote = new Dictionary<string, string>
        {
            ["item"] = item.ToString(), ["question"] = "Đưa vào danh sách cảm tình Đảng.", ["purpose"] = "SympathizerList", ["method"] = "ShowOfHands",
            ["votesFor"] = eligible.ToString(System.Globalization.CultureInfo.InvariantCulture), ["against"] = "0", ["abstain"] = "0", ["caseId"] = caseId.ToString(),
        };

        var warned = await PostAsync(client, id, "Vote", vote);
        vote["acknowledged"] = "HELPER-MISSING";
        var recorded = await PostAsync(client, id, "Vote", vote);

        Assert.Contains("HELPER-MISSING", await warned.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        await using var db = app.Database.CreateContext();
        var stored = await db.Cases.Include(c => c.Steps).SingleAsync(c => c.Id == caseId);
        Assert.Equal(Stage.Sympathizer, stored.Stage);
        var step = stored.Steps.Single(s => s.Kind == EventKind.SympathizerListed);
        Assert.Contains("Biểu quyết tại sinh hoạt chi bộ thường kỳ ngày 16/04/2024", step.Note);
        var saved = await db.MeetingVotes.SingleAsync(v => v.CaseId == caseId);
        Assert.True(saved.Passed);
        Assert.Equal(step.Id, saved.CaseStepId);
        Assert.Contains($"<a href=\"/hop/{id}\">Biên bản cuộc họp đã biểu quyết</a>", await client.GetStringAsync(new Uri($"/ho-so/{caseId}", UriKind.Relative)));
    }

    [Fact]
    public async Task AnAdmissionVote_ShortOfTwoThirdsOfAllOfficials_IsNotedOnTheCase_AndTheStageStays()
    {
        var caseId = await app.TakeCaseAsync(Stage.Applying);
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var id = await OpenMeetingAsync(client, "2024-04-23");
        var item = await AgendaItemAsync(client, id, "Xét đề nghị kết nạp đảng viên");
        var eligible = await OfficialsAsync(id);
        var votesFor = ((eligible * 2) - 1) / 3;

        var response = await PostAsync(client, id, "Vote", new()
        {
            ["item"] = item.ToString(), ["question"] = "Đề nghị kết nạp vào Đảng.", ["purpose"] = "Admission", ["method"] = "SecretBallot",
            ["votesFor"] = votesFor.ToString(System.Globalization.CultureInfo.InvariantCulture), ["against"] = "1", ["abstain"] = "0", ["caseId"] = caseId.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.Equal(Stage.Applying, (await db.Cases.SingleAsync(c => c.Id == caseId)).Stage);
        Assert.False((await db.MeetingVotes.SingleAsync(v => v.CaseId == caseId)).Passed);
        var note = await db.CaseComments.SingleAsync(c => c.CaseId == caseId);
        Assert.Contains("không đạt", note.Text);
        Assert.Contains("hai phần ba", note.Text);
        var file = await client.GetStringAsync(new Uri($"/ho-so/{caseId}", UriKind.Relative));
        Assert.Contains("Hồ sơ giữ nguyên giai đoạn", file);
    }

    [Fact]
    public async Task VotesAboveTheEligible_AndAVoteOnAnotherCellsCase_AreRefused()
    {
        await using var db = app.Database.CreateContext();
        var foreign = await db.Cases.Where(c => c.Cell!.Name != StoryCell && c.Stage == Stage.Applying).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var id = await OpenMeetingAsync(client, "2024-04-30");
        var item = await AgendaItemAsync(client, id, "Biểu quyết");
        var eligible = await OfficialsAsync(id);

        var tooMany = await PostAsync(client, id, "Vote", new()
        {
            ["item"] = item.ToString(), ["question"] = "Thông qua kế hoạch.", ["purpose"] = "General", ["method"] = "ShowOfHands",
            ["votesFor"] = eligible.ToString(System.Globalization.CultureInfo.InvariantCulture), ["against"] = "1", ["abstain"] = "0",
        });
        var wrongCell = await PostAsync(client, id, "Vote", new()
        {
            ["item"] = item.ToString(), ["question"] = "Đề nghị kết nạp.", ["purpose"] = "Admission", ["method"] = "ShowOfHands",
            ["votesFor"] = "1", ["against"] = "0", ["abstain"] = "0", ["caseId"] = foreign.ToString(),
        });

        Assert.Contains($"vượt quá {eligible} người có quyền biểu quyết", await tooMany.Content.ReadAsStringAsync());
        Assert.Contains("VOTE-WRONG-CELL", await wrongCell.Content.ReadAsStringAsync());
        Assert.False(await db.MeetingVotes.AnyAsync(v => v.CaseId == foreign));
    }

    [Fact]
    public async Task AMember_ReadsTheMinutes_ButCannotWriteThem_AndAHomeroomTeacherCannotSeeThem()
    {
        var id = await ThematicMeetingAsync();
        using var member = await SignIn.AsAsync(app.Factory, "dangvien");
        using var teacher = await SignIn.AsAsync(app.Factory, "gvcn");

        var page = await member.GetAsync(new Uri($"/hop/{id}", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var refused = await PostAsync(member, id, "Agenda", new() { ["title"] = "Nội dung lạ" });
        var hidden = await teacher.GetAsync(new Uri($"/hop/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Phạm Thúy Hường", html);
        Assert.Contains("Biên bản đã ký ngày 05/03/2024 (Lê Ngọc Biên)", html);
        Assert.DoesNotContain("Thêm nội dung", html);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task TheArticlesTasks_StayOnTheOwnersListAndOnTheCellsNextMeeting_UntilClosed()
    {
        using var secretary = await SignIn.AsAsync(app.Factory, "bithu");
        using var owner = await SignIn.AsAsync(app.Factory, "doantruong");
        var next = await OpenMeetingAsync(secretary, "2024-05-07");

        var agenda = await secretary.GetStringAsync(new Uri($"/hop/{next}", UriKind.Relative));
        var list = await owner.GetStringAsync(new Uri("/hop/nhiem-vu", UriKind.Relative));

        Assert.Contains("Nhiệm vụ từ các cuộc họp trước chưa hoàn thành", agenda);
        Assert.Contains("Tiếp thu các ý kiến, cách làm hay của buổi sinh hoạt", agenda);
        Assert.Contains("Phạm Thúy Hường, Bí thư Đoàn trường (của tôi)", list);
        Assert.Contains("chọn, theo dõi, giúp đỡ đoàn viên ưu tú", list);
    }

    [Fact]
    public async Task TheCommitteesView_FlagsCellsWithoutTheirMonthlyAndQuarterlyMeetings()
    {
        using var department = await SignIn.AsAsync(app.Factory, "bantochuc");

        var page = await department.GetStringAsync(new Uri("/hop/nhip-do?nam=2024", UriKind.Relative));

        Assert.Contains("Nền nếp sinh hoạt chi bộ năm 2024", page);
        Assert.Contains(StoryCell, page);
        Assert.Contains("thiếu", page);
        Assert.Contains("✓", page);
        Assert.Contains("buổi chuyên đề</span>", page);
    }

    [Fact]
    public async Task TheUnionCommittee_VotesToIntroduceASourceStudent_AndTheCaseMovesToOutstanding()
    {
        var caseId = await app.TakeCaseAsync(Stage.Source);
        await using var db = app.Database.CreateContext();
        var committee = await db.Organisations.SingleAsync(o => o.Kind == OrganisationKind.UnionCommittee && o.Name == "Ban Chấp hành Đoàn Trường Cao đẳng Y Hà Nội");
        var secretary = await db.Users.Where(u => u.UserName == "doantruong").Select(u => u.PersonId!.Value).SingleAsync();
        var branchSecretary = await db.Users.Where(u => u.UserName == "chidoan").Select(u => u.PersonId!.Value).SingleAsync();
        using var client = await SignIn.AsAsync(app.Factory, "doantruong");
        var created = await CreateAsync(client, committee.Id, "UnionCommittee", "2024-04-10", secretary, branchSecretary);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var item = await AgendaItemAsync(client, id, "Xét giới thiệu đoàn viên ưu tú cho Chi bộ");

        var response = await PostAsync(client, id, "Vote", new()
        {
            ["item"] = item.ToString(), ["question"] = "Giới thiệu đoàn viên ưu tú.", ["purpose"] = "UnionIntroduction", ["method"] = "ShowOfHands",
            ["votesFor"] = "9", ["against"] = "2", ["abstain"] = "0", ["eligible"] = "11", ["caseId"] = caseId.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var after = app.Database.CreateContext();
        Assert.Equal(Stage.Outstanding, (await after.Cases.SingleAsync(c => c.Id == caseId)).Stage);
        var vote = await after.MeetingVotes.SingleAsync(v => v.CaseId == caseId);
        Assert.Equal(EventKind.UnionIntroduced, vote.StepKind);
        var pdf = await PdfText.ReadAsync(await client.GetByteArrayAsync(new Uri($"/hop/{id}?handler=Pdf", UriKind.Relative)));
        Assert.Contains("Số …-BB/ĐTN", pdf);
        Assert.Contains("tán thành 9", pdf);
    }

    [Fact]
    public async Task AClassBranchMeeting_TakesTheBranchsUnionMembersAsItsRoll()
    {
        await using var db = app.Database.CreateContext();
        var branch = await db.Organisations.SingleAsync(o => o.Kind == OrganisationKind.UnionBranch && o.ShortName == "K23N3" && o.Path.StartsWith(db.Organisations.Single(c => c.Name == StoryCell).Path));
        var members = await db.People.CountAsync(p => p.UnionBranchId == branch.Id && p.IsYouthUnionMember && p.YouthUnionJoinedOn <= new DateOnly(2024, 4, 12));
        var secretary = await db.Users.Where(u => u.UserName == "chidoan").Select(u => u.PersonId!.Value).SingleAsync();
        using var client = await SignIn.AsAsync(app.Factory, "chidoan");

        var created = await CreateAsync(client, branch.Id, "UnionBranch", "2024-04-12", secretary, secretary);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        await using var after = app.Database.CreateContext();
        Assert.Equal(members, await after.MeetingAttendance.CountAsync(a => a.MeetingId == id && a.Category == MemberCategory.UnionMember));
        var pdf = await PdfText.ReadAsync(await client.GetByteArrayAsync(new Uri($"/hop/{id}?handler=Pdf", UriKind.Relative)));
        Assert.Contains($"Đoàn viên: tổng số {members}; có mặt {members}, vắng 0.", pdf);
        Assert.Contains("Sinh hoạt chi đoàn", pdf);
    }

    private async Task<Guid> ThematicMeetingAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.Meetings.Where(m => m.Kind == MeetingKind.Thematic && m.Date == new DateOnly(2024, 3, 5)).Select(m => m.Id).SingleAsync();
    }

    private async Task<int> OfficialsAsync(Guid meetingId)
    {
        await using var db = app.Database.CreateContext();
        return await db.MeetingAttendance.CountAsync(a => a.MeetingId == meetingId && a.Category == MemberCategory.Official);
    }

    /// <summary>Opens a regular meeting of the story cell, chaired by its secretary, through the form.</summary>
    private async Task<Guid> OpenMeetingAsync(HttpClient client, string date)
    {
        await using var db = app.Database.CreateContext();
        var cell = await db.Organisations.SingleAsync(o => o.Name == StoryCell);
        var secretary = await db.Users.Where(u => u.UserName == "bithu").Select(u => u.PersonId!.Value).SingleAsync();
        var deputy = await db.Users.Where(u => u.UserName == "chiuy").Select(u => u.PersonId!.Value).SingleAsync();
        var response = await CreateAsync(client, cell.Id, "Regular", date, secretary, deputy);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient client, Guid cellId, string kind, string date, Guid chair, Guid secretary)
    {
        var form = await client.GetStringAsync(new Uri($"/hop?don-vi={cellId}", UriKind.Relative));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Kind"] = kind,
            ["Input.Date"] = date,
            ["Input.StartTime"] = "08:00",
            ["Input.Place"] = "Hội trường tầng 3, Trường Cao đẳng Y Hà Nội",
            ["Input.Chair"] = chair.ToString(),
            ["Input.Secretary"] = secretary.ToString(),
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
        });
        return await client.PostAsync(new Uri($"/hop?don-vi={cellId}", UriKind.Relative), content);
    }

    private async Task<Guid> AgendaItemAsync(HttpClient client, Guid meetingId, string title)
    {
        var response = await PostAsync(client, meetingId, "Agenda", new() { ["title"] = title });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Database.CreateContext();
        return await db.MeetingAgendaItems.Where(a => a.MeetingId == meetingId && a.Title == title).Select(a => a.Id).SingleAsync();
    }

    /// <summary>Posts a form of the meeting's page as the browser would: with the page's token and the meeting's version it shows.</summary>
    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid meetingId, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(new Uri($"/hop/{meetingId}", UriKind.Relative));
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page) };
        if (!values.ContainsKey("version") && SignIn.VersionOf(page) is { } version)
        {
            values["version"] = version;
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri($"/hop/{meetingId}?handler={handler}", UriKind.Relative), content);
    }


}

public sealed class MeetingTestsOnSqlite(TwoSchoolsOnSqlite app) : MeetingTests<TwoSchoolsOnSqlite>(app);

public sealed class MeetingTestsOnPostgres(TwoSchoolsOnPostgres app) : MeetingTests<TwoSchoolsOnPostgres>(app);
