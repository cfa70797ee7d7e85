using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Seeding;

/// <summary>
/// The thematic meeting of 05/3/2024 that started Chibo, as the cell's minutes book would hold it: the
/// facts (people, titles, who spoke, the district's guidance of 19/01/2023) are the article's; the
/// summaries are our own words. The article gives "sáng" only, so the hours, and the secretary of the
/// meeting (the deputy secretary), are the demo's choice.
/// </summary>
internal static class DemoMeetings
{
    public static readonly DateOnly ThematicDate = DemoSeeder.StoryDate;

    public const string ThematicTopic = "Xây dựng nguồn và phát triển đảng viên trong học sinh, sinh viên";

    public static async Task WriteAsync(AppDbContext db, StoryHandles story, CancellationToken cancellationToken)
    {
        var school = await db.People.AsNoTracking()
            .Where(p => p.Organisation!.Path.StartsWith(story.School.Path))
            .Where(p => p.FullName == "Lê Trung Hải" || p.FullName == "Lê Đức Mạnh" || p.FullName == "Nguyễn Trịnh Yến Vi")
            .ToDictionaryAsync(p => p.FullName, p => p.Id, cancellationToken);
        var guests = await db.People.AsNoTracking()
            .Where(p => p.OrganisationId == story.OrganisationDepartmentDeputy.OrganisationId)
            .ToDictionaryAsync(p => p.FullName, p => p.Id, cancellationToken);

        var meeting = new Meeting
        {
            OrganisationId = story.Cell.Id,
            Kind = MeetingKind.Thematic,
            Topic = ThematicTopic,
            Date = ThematicDate,
            StartTime = new TimeOnly(8, 0),
            EndTime = new TimeOnly(11, 0),
            Place = "Trường Cao đẳng Y Hà Nội",
            ChairPersonId = story.CellSecretary.Id,
            SecretaryPersonId = story.CellDeputy.Id,
            CreatedBy = "Chibo (dữ liệu mẫu)",
            // Signed by the chair at the close, 11:00 in Hanoi: the minutes of a past meeting are read-only.
            SignedAt = new DateTime(2024, 3, 5, 4, 0, 0, DateTimeKind.Utc),
            SignedBy = story.CellSecretary.FullName,
        };

        // The article: every official and probationary member attended.
        foreach (var member in await MeetingRoll.OnAsync(db, story.Cell.Id, ThematicDate, cancellationToken))
        {
            meeting.Attendance.Add(new MeetingAttendance { PersonId = member.PersonId, Category = member.Category, Status = AttendanceStatus.Present });
        }

        Guest(meeting, guests, "Nguyễn Minh Tiến", "Phó Bí thư Thường trực Quận ủy, Chủ tịch HĐND quận Thanh Xuân", "Quận ủy Thanh Xuân");
        Guest(meeting, guests, "Nguyễn Thu Hà", "Phó Trưởng Ban Tổ chức Quận ủy", "Quận ủy Thanh Xuân");
        Guest(meeting, guests, "Nguyễn Văn Minh", "Quận ủy viên, Bí thư Đảng ủy Khối Doanh nghiệp quận Thanh Xuân", "Đảng ủy Khối Doanh nghiệp quận Thanh Xuân");
        Guest(meeting, guests, "Các đồng chí Ủy viên Ban Chấp hành Đảng ủy Khối Doanh nghiệp quận Thanh Xuân", null, null);
        Guest(meeting, school, "TS. Lê Đức Mạnh", "Chủ tịch Hội đồng quản trị", "Trường Cao đẳng Y Hà Nội", "Lê Đức Mạnh");
        Guest(meeting, school, "Các quần chúng ưu tú", "cán bộ, giảng viên và sinh viên được cử dự lớp bồi dưỡng nhận thức về Đảng năm 2024", "Trường Cao đẳng Y Hà Nội");

        var opening = Item(meeting, "Khai mạc; mục đích, yêu cầu của buổi sinh hoạt chuyên đề");
        Speak(opening, story.CellSecretary.Id, "Lê Ngọc Biên", "Bí thư Chi bộ",
            "Kết nạp đảng viên mới, nhất là trong học sinh, sinh viên, là việc hệ trọng và phải làm đều đặn để Đảng có thêm lực lượng trẻ và giữ được sự kế thừa. "
            + "Năm 2023 kết quả còn thấp, số đảng viên trẻ chưa tương xứng với số sinh viên có khả năng phấn đấu. Chi bộ cần chăm lo giáo dục lý tưởng, rèn luyện và thử thách quần chúng, "
            + "coi chất lượng đảng viên là yếu tố quyết định và ưu tiên tạo nguồn từ đoàn viên ưu tú.");

        var union = Item(meeting, "Công tác tạo nguồn của Đoàn trường");
        Speak(union, story.UnionSecretary.Id, "Phạm Thúy Hường", "Đảng viên Chi bộ, Bí thư Đoàn trường",
            "Đoàn trường tổ chức nhiều phong trào để sinh viên rèn luyện và cống hiến, cùng Phòng Công tác HSSV và giáo viên chủ nhiệm phát hiện quần chúng ưu tú. "
            + "Ban Chấp hành Đoàn trường đã phổ biến Hướng dẫn số 01 ngày 19/01/2023 của Quận ủy Thanh Xuân tới từng chi đoàn, để các chi đoàn biết cách chọn, theo dõi và giúp đỡ "
            + "sinh viên ưu tú trước khi giới thiệu cho Chi bộ đưa vào diện cảm tình Đảng.");

        var discussion = Item(meeting, "Thảo luận: vai trò, kết quả, khó khăn và giải pháp phát triển đảng viên trong HSSV");
        Speak(discussion, school.GetValueOrDefault("Nguyễn Trịnh Yến Vi"), "Nguyễn Trịnh Yến Vi", "Đảng viên dự bị, sinh viên lớp K23N3",
            "Em đặt mục tiêu vào Đảng ngay từ khi nhập học, lập kế hoạch học tập và rèn luyện, vừa học tốt vừa tham gia đều các hoạt động Đoàn, Hội. "
            + "Quần chúng ưu tú trong trường rất đông so với số người được giới thiệu, nên mỗi sinh viên càng phải cố gắng để xứng đáng.");
        Speak(discussion, school.GetValueOrDefault("Lê Trung Hải"), "GS.TS. Lê Trung Hải", "Hiệu trưởng",
            "Buổi sinh hoạt có ý nghĩa quan trọng; Hiệu trưởng tin Chi bộ sẽ có thêm giải pháp cụ thể để phát triển đảng trong HSSV hiệu quả hơn, "
            + "và cách làm của Chi bộ sẽ là chỗ dựa để các đơn vị trong trường nghiên cứu, áp dụng, góp phần thực hiện nghị quyết của Quận ủy và Đảng ủy Khối.");
        Speak(discussion, school.GetValueOrDefault("Lê Đức Mạnh"), "TS. Lê Đức Mạnh", "Chủ tịch Hội đồng quản trị",
            "Đề nghị Chi bộ nâng cao nhận thức và trách nhiệm của các tổ chức trong trường; quán triệt văn bản của cấp trên và ban hành văn bản cụ thể hóa; có kế hoạch, "
            + "giải pháp thiết thực; tạo điều kiện cho Đoàn, Hội hoạt động để thu hút sinh viên tìm hiểu về Đảng; tăng cường kiểm tra, giám sát và chọn đoàn viên ưu tú qua các phong trào thi đua để giới thiệu.");
        Speak(discussion, guests.GetValueOrDefault("Nguyễn Minh Tiến"), "Nguyễn Minh Tiến", "Phó Bí thư Thường trực Quận ủy, Chủ tịch HĐND quận Thanh Xuân",
            "Quận ủy luôn coi trọng xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh. Phát triển đảng trong HSSV còn khó, nhất là với học sinh phổ thông; "
            + "vì vậy Quận ủy ban hành Hướng dẫn số 01 ngày 19/01/2023 nêu rõ tiêu chuẩn, điều kiện, quy trình để các chi bộ trường học làm căn cứ. Kết quả trong quận còn hạn chế; "
            + "buổi chuyên đề là dịp để Chi bộ tự đánh giá nghiêm túc. Làm tốt việc này sẽ bổ sung cho Đảng lớp đảng viên trẻ, có tri thức, và nguồn cán bộ cho các nơi sau khi sinh viên ra trường.");
        discussion.Conclusion = "Các ý kiến đã làm rõ vị trí, ý nghĩa của việc kết nạp đảng viên trong HSSV, chỉ ra việc đã làm, việc chưa làm được, những khó khăn trong tạo nguồn và hướng tháo gỡ.";

        var closing = Item(meeting, "Kết luận buổi sinh hoạt");
        closing.Conclusion = "Chủ trì cảm ơn ý kiến chỉ đạo của Quận ủy và những ý kiến tâm huyết của các đại biểu. Buổi sinh hoạt đã đánh giá đầy đủ kết quả, hạn chế và vướng mắc "
            + "trong tạo nguồn, phát triển đảng viên là HSSV của nhà trường. Chi bộ giao các đảng viên và các đơn vị liên quan tiếp thu các ý kiến, cách làm hay, "
            + "tiếp tục nghiên cứu, chọn lọc để tham mưu cho Chi bộ thực hiện nghị quyết của Chi bộ về phát triển đảng viên trong HSSV.";
        meeting.Tasks.Add(new MeetingTask
        {
            AgendaItemId = closing.Id,
            Description = "Tiếp thu các ý kiến, cách làm hay của buổi sinh hoạt; nghiên cứu, chọn lọc để tham mưu cho Chi bộ về công tác phát triển đảng viên trong HSSV",
            Owner = "Các đảng viên trong Chi bộ",
            DoneWhen = "Chi bộ nhận được đề xuất cụ thể tại kỳ sinh hoạt sau",
        });
        meeting.Tasks.Add(new MeetingTask
        {
            AgendaItemId = closing.Id,
            Description = "Theo Hướng dẫn số 01 ngày 19/01/2023 của Quận ủy, tiếp tục chọn, theo dõi, giúp đỡ đoàn viên ưu tú ở các chi đoàn để giới thiệu cho Chi bộ",
            Owner = "Phạm Thúy Hường, Bí thư Đoàn trường",
            OwnerPersonId = story.UnionSecretary.Id,
            DoneWhen = "Danh sách đoàn viên ưu tú đề nghị đưa vào diện cảm tình Đảng gửi Chi bộ",
        });

        // The cell committee's own scoring at the close, on Chibo's default sheet: the demo's figures, not the article's.
        var sheet = ScoreSheets.Default;
        int[] points = [14, 15, 23, 14, 13, 8, 5];
        var score = new MeetingScore
        {
            MeetingId = meeting.Id,
            SheetName = sheet.Name,
            Total = points.Sum(),
            Maximum = sheet.Maximum,
            Band = sheet.BandFor(points.Sum()),
            Comment = "Chuẩn bị chu đáo, có đại biểu cấp trên dự và chỉ đạo, nhiều ý kiến tâm huyết; kỳ sau cần kiểm điểm cụ thể hơn các nhiệm vụ đã giao.",
            ScoredBy = story.CellSecretary.FullName,
            ScoredAt = meeting.SignedAt.Value,
        };
        for (var i = 0; i < sheet.Criteria.Count; i++)
        {
            score.Lines.Add(new MeetingScoreLine { Order = i + 1, Criterion = sheet.Criteria[i].Title, Maximum = sheet.Criteria[i].Maximum, Points = points[i] });
        }

        meeting.Score = score;
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        await WriteAttachmentsAsync(db, story, cancellationToken);
    }

    /// <summary>
    /// Two members of cells outside the school attached to the story cell after the thematic meeting (so the
    /// article's roll stays as it was): a lecturer seconded for a term and a nurse on a bridging course.
    /// </summary>
    private static async Task WriteAttachmentsAsync(AppDbContext db, StoryHandles story, CancellationToken cancellationToken)
    {
        (string Name, Gender Gender, DateOnly Born, string Home, DateOnly From, DateOnly? To, string Reason)[] attached =
        [
            ("Đỗ Minh Tuấn", Gender.Male, new DateOnly(1986, 9, 14), "Chi bộ Khoa Điều dưỡng, Đảng bộ Bệnh viện Thanh Nhàn", new DateOnly(2024, 3, 11), new DateOnly(2024, 6, 30),
                "Biệt phái giảng dạy tại trường học kỳ II năm học 2023–2024"),
            ("Hoàng Thị Lan Anh", Gender.Female, new DateOnly(1998, 2, 3), "Chi bộ Trạm Y tế phường Khương Trung, Đảng bộ Trung tâm Y tế quận Thanh Xuân", new DateOnly(2024, 3, 11), null,
                "Học liên thông cao đẳng điều dưỡng tại trường"),
        ];
        foreach (var a in attached)
        {
            var person = new Person
            {
                FullName = a.Name,
                SearchName = SearchText.Fold(a.Name),
                Gender = a.Gender,
                DateOfBirth = a.Born,
                OrganisationId = story.School.Id,
            };
            db.People.Add(person);
            db.PartyAttachments.Add(new PartyAttachment { PersonId = person.Id, HostCellId = story.Cell.Id, HomeCellName = a.Home, From = a.From, To = a.To, Reason = a.Reason });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Guest(Meeting meeting, Dictionary<string, Guid> known, string name, string? title, string? organisation, string? lookup = null) =>
        meeting.Guests.Add(new MeetingGuest
        {
            Name = name,
            Title = title,
            OrganisationName = organisation,
            PersonId = known.TryGetValue(lookup ?? name, out var id) ? id : null,
            Order = meeting.Guests.Count + 1,
        });

    private static MeetingAgendaItem Item(Meeting meeting, string title)
    {
        var item = new MeetingAgendaItem { Title = title, Order = meeting.Agenda.Count + 1 };
        meeting.Agenda.Add(item);
        return item;
    }

    private static void Speak(MeetingAgendaItem item, Guid personId, string speaker, string title, string summary) =>
        item.Speeches.Add(new MeetingSpeech
        {
            PersonId = personId == Guid.Empty ? null : personId,
            Speaker = speaker,
            SpeakerTitle = title,
            Summary = summary,
            Order = item.Speeches.Count + 1,
        });
}
