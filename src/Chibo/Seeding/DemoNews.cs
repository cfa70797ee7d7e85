using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Features.News;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace Chibo.Seeding;

/// <summary>
/// The demo portal: the cell's thematic meeting of 05/3/2024 told in our own words from the facts of the
/// article that started the project, with drawn placeholder photos, a few synthetic news items of the demo
/// organisations (one still a draft, one scheduled), and the partner units' band.
/// </summary>
internal static class DemoNews
{
    private const string Editor = "Biên tập viên cổng thông tin";

    public static async Task WriteAsync(AppDbContext db, StoryHandles story, CancellationToken cancellationToken)
    {
        var meetingId = await db.Meetings.Where(m => m.OrganisationId == story.Cell.Id && m.Date == DemoMeetings.ThematicDate && m.Kind == MeetingKind.Thematic)
            .Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
        var storyDay = new DateTime(2024, 3, 5, 9, 30, 0, DateTimeKind.Utc);

        Add(db, story.Cell, NewsCategory.PartyBuilding, featured: true, ArticleStatus.Published, storyDay, meetingId,
            "Chi bộ Trường Cao đẳng Y Hà Nội tổ chức buổi sinh hoạt chuyên đề về tạo nguồn, phát triển đảng viên trong học sinh, sinh viên",
            "Chi bộ nhìn lại kết quả năm 2023, nghe Đoàn trường, nhà trường và Quận ủy Thanh Xuân góp ý, và giao nhiệm vụ tạo nguồn đảng viên trẻ trong sinh viên.",
            ThematicBody,
            [
                ("Quang cảnh buổi sinh hoạt chuyên đề tại Trường Cao đẳng Y Hà Nội (ảnh minh họa)", new Rgb24(179, 23, 29), new Rgb24(240, 190, 60)),
                ("Bí thư Chi bộ Lê Ngọc Biên phát biểu khai mạc (ảnh minh họa)", new Rgb24(20, 80, 150), new Rgb24(150, 200, 240)),
                ("Đại biểu Quận ủy Thanh Xuân phát biểu chỉ đạo (ảnh minh họa)", new Rgb24(30, 110, 70), new Rgb24(200, 230, 160)),
                ("Quần chúng ưu tú là sinh viên dự buổi sinh hoạt (ảnh minh họa)", new Rgb24(110, 50, 140), new Rgb24(240, 180, 210)),
            ]);
        Add(db, story.UnionSchool, NewsCategory.YouthUnion, featured: true, ArticleStatus.Published, storyDay.AddDays(-12), null,
            "Đoàn trường ra quân Tháng Thanh niên 2024 với chuỗi hoạt động tình nguyện vì cộng đồng",
            "Các chi đoàn đăng ký công trình thanh niên, hiến máu tình nguyện và tư vấn sức khỏe cho người dân trên địa bàn.",
            "<p>Hưởng ứng Tháng Thanh niên, Đoàn trường phát động các chi đoàn đăng ký công trình, phần việc thanh niên. Sinh viên các lớp điều dưỡng và dược tổ chức đo huyết áp, hướng dẫn sơ cứu cho người cao tuổi trong phường.</p>"
            + "<ul><li>Ngày hội hiến máu tình nguyện</li><li>Tư vấn sức khỏe cộng đồng</li><li>Dọn vệ sinh khuôn viên và khu dân cư</li></ul>"
            + "<p>Kết quả phong trào là một căn cứ để Đoàn trường đánh giá, giới thiệu đoàn viên ưu tú cho Chi bộ.</p>",
            [("Sinh viên tình nguyện tư vấn sức khỏe cho người dân (ảnh minh họa)", new Rgb24(0, 120, 160), new Rgb24(250, 220, 120))]);
        Add(db, story.District, NewsCategory.PartyBuilding, featured: false, ArticleStatus.Published, storyDay.AddDays(-30), null,
            "Quận ủy Thanh Xuân triển khai nhiệm vụ phát triển đảng viên trong các trường học năm 2024",
            "Các chi bộ khối trường học xây dựng chỉ tiêu kết nạp và kế hoạch tạo nguồn ngay từ đầu năm.",
            "<p>Ban Tổ chức Quận ủy hướng dẫn các chi bộ khối trường học đăng ký chỉ tiêu kết nạp đảng viên năm 2024, lập danh sách quần chúng ưu tú và cử người học lớp bồi dưỡng nhận thức về Đảng.</p>"
            + "<p>Các chi bộ thực hiện theo Hướng dẫn số 01 ngày 19/01/2023 của Quận ủy về tiêu chuẩn, điều kiện, quy trình kết nạp học sinh, sinh viên.</p>",
            []);
        Add(db, story.Cell, NewsCategory.Training, featured: false, ArticleStatus.Published, storyDay.AddDays(-5), null,
            "Quần chúng ưu tú của trường tham gia lớp bồi dưỡng nhận thức về Đảng năm 2024",
            "Cán bộ, giảng viên và sinh viên được Chi bộ cử đi học lớp nhận thức về Đảng do Trung tâm Chính trị quận tổ chức.",
            "<p>Chi bộ cử các quần chúng ưu tú là cán bộ, giảng viên và sinh viên tham gia lớp bồi dưỡng nhận thức về Đảng. Học viên hoàn thành khóa học được cấp giấy chứng nhận, một điều kiện trong hồ sơ đề nghị kết nạp.</p>",
            []);
        // A scheduled article and a draft: the demo shows that neither is public before its time.
        Add(db, story.Cell, NewsCategory.Activities, featured: false, ArticleStatus.Published, new DateTime(2099, 1, 1, 1, 0, 0, DateTimeKind.Utc), null,
            "Chi bộ tổng kết công tác phát triển đảng viên năm học (hẹn giờ đăng)",
            null, "<p>Bài được hẹn giờ đăng.</p>", []);
        Add(db, story.Cell, NewsCategory.Activities, featured: false, ArticleStatus.Draft, null, null,
            "Bản nháp: kế hoạch sinh hoạt chuyên đề quý II",
            null, "<p>Nội dung đang soạn.</p>", []);

        db.PartnerUnits.AddRange(
            new PartnerUnit { Order = 1, Name = "Trung tâm Chính trị quận Thanh Xuân" },
            new PartnerUnit { Order = 2, Name = "Đảng ủy Khối Doanh nghiệp quận Thanh Xuân" },
            new PartnerUnit { Order = 3, Name = "Bệnh viện thực hành của nhà trường" },
            new PartnerUnit { Order = 4, Name = "Hội Sinh viên Trường Cao đẳng Y Hà Nội" });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Add(AppDbContext db, Organisation organisation, NewsCategory category, bool featured, ArticleStatus status, DateTime? publishAt,
        Guid? meetingId, string title, string? summary, string body, IReadOnlyList<(string Caption, Rgb24 From, Rgb24 To)> photos)
    {
        var html = ArticleHtml.Sanitize(body);
        var at = publishAt ?? new DateTime(2024, 3, 5, 2, 0, 0, DateTimeKind.Utc);
        var article = new NewsArticle
        {
            OrganisationId = organisation.Id,
            Title = title,
            Slug = Slugs.From(title),
            Summary = summary,
            BodyHtml = html,
            SearchKey = SearchText.Fold($"{title} {summary} {ArticleHtml.PlainText(html)}"),
            Category = category,
            Featured = featured,
            Status = status,
            PublishAt = publishAt,
            MeetingId = meetingId,
            CreatedBy = Editor,
            CreatedAt = at,
            UpdatedAt = at,
        };
        db.NewsArticles.Add(article);
        db.NewsSlugs.Add(new NewsSlug { Slug = article.Slug, ArticleId = article.Id });
        db.NewsRevisions.Add(new NewsRevision
        {
            ArticleId = article.Id, Number = 1, Action = status == ArticleStatus.Draft ? "Tạo bản nháp" : "Đăng", Status = status,
            Title = title, Summary = summary, BodyHtml = html, By = Editor, At = at,
        });
        for (var i = 0; i < photos.Count; i++)
        {
            var processed = PhotoProcessor.Process(Placeholder(photos[i].From, photos[i].To, i), at, Editor).Value;
            db.StoredFiles.AddRange(processed.Photo, processed.Thumbnail);
            db.NewsPhotos.Add(new NewsPhoto
            {
                ArticleId = article.Id, Order = i + 1, Caption = photos[i].Caption, FileId = processed.Photo.Id,
                ThumbnailFileId = processed.Thumbnail.Id, Width = processed.Width, Height = processed.Height,
            });
        }
    }

    /// <summary>A placeholder photo: a diagonal gradient with a row of figures and a banner, drawn pixel by pixel.</summary>
    internal static byte[] Placeholder(Rgb24 from, Rgb24 to, int variant)
    {
        const int Width = 960, Height = 640;
        using var image = new Image<Rgb24>(Width, Height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < Width; x++)
                {
                    var t = (x + y) / (float)(Width + Height);
                    var pixel = new Rgb24(Mix(from.R, to.R, t), Mix(from.G, to.G, t), Mix(from.B, to.B, t));
                    // A banner across the top, and a row of seated figures (heads and shoulders) below.
                    if (y is > 60 and < 130 && x is > 120 and < 840)
                    {
                        pixel = new Rgb24(200, 30, 35);
                    }

                    for (var k = 0; k < 6; k++)
                    {
                        var cx = 110 + (k * 148) + (variant * 17 % 40);
                        var dx = x - cx;
                        if ((dx * dx) + ((y - 380) * (y - 380)) < 38 * 38 || (Math.Abs(dx) < 60 && y is > 430 and < 560))
                        {
                            pixel = new Rgb24(40, 40, 48);
                        }
                    }

                    row[x] = pixel;
                }
            }
        });
        using var stream = new MemoryStream();
        image.Save(stream, new JpegEncoder { Quality = 80 });
        return stream.ToArray();
    }

    private static byte Mix(byte a, byte b, float t) => (byte)(a + ((b - a) * t));

    private const string ThematicBody = """
        <p>Sáng 05/3/2024, tại trường, Chi bộ Trường Cao đẳng Y Hà Nội họp chuyên đề “Xây dựng nguồn và phát triển đảng viên trong học sinh, sinh viên”. Đồng chí Lê Ngọc Biên, Bí thư Chi bộ, chủ trì.</p>
        <p>Về dự có các đồng chí lãnh đạo quận Thanh Xuân: Nguyễn Minh Tiến, Phó Bí thư Thường trực Quận ủy, Chủ tịch HĐND quận; Nguyễn Thu Hà, Phó Trưởng Ban Tổ chức Quận ủy; Nguyễn Văn Minh, Quận ủy viên, Bí thư Đảng ủy Khối Doanh nghiệp quận, cùng các ủy viên Ban Chấp hành Đảng ủy Khối. Nhà trường có TS. Lê Đức Mạnh, Chủ tịch Hội đồng quản trị; GS.TS. Lê Trung Hải, Hiệu trưởng; ThS. Đàm Hưng Long, Phó Hiệu trưởng. Cùng dự có đảng viên chính thức, đảng viên dự bị của Chi bộ và các quần chúng ưu tú — cán bộ, giảng viên, sinh viên — được cử học lớp bồi dưỡng nhận thức về Đảng năm 2024.</p>
        <h2>Nhìn lại năm 2023</h2>
        <p>Mở đầu, Bí thư Chi bộ nhắc lại: kết nạp đảng viên mới, nhất là trong học sinh, sinh viên, là việc hệ trọng và phải làm đều đặn. Năm 2023 kết quả còn khiêm tốn, số đảng viên trẻ chưa tương xứng với tiềm năng của trường; Chi bộ cần chăm lo giáo dục lý tưởng, rèn luyện và thử thách quần chúng, đặt chất lượng lên trước.</p>
        <h2>Đoàn trường tạo nguồn</h2>
        <p>Bí thư Đoàn trường Phạm Thúy Hường cho biết Đoàn cùng Phòng Công tác HSSV và giáo viên chủ nhiệm phát hiện quần chúng ưu tú qua các phong trào. Ban Chấp hành Đoàn trường đã phổ biến tới từng chi đoàn Hướng dẫn số 01 ngày 19/01/2023 của Quận ủy Thanh Xuân, để chọn, theo dõi và giúp đỡ sinh viên trước khi giới thiệu cho Chi bộ.</p>
        <p>Các đảng viên thảo luận vì sao cần kết nạp đảng viên là sinh viên, điểm lại việc đã làm được, chỗ còn vướng và cách tháo gỡ. Đảng viên trẻ Nguyễn Trịnh Yến Vi, lớp K23N3, kể về chặng đường của mình: đặt mục tiêu từ khi nhập học, vừa học tốt vừa tham gia hoạt động Đoàn, Hội; quần chúng ưu tú đông nên mỗi bạn càng phải cố gắng.</p>
        <h2>Ý kiến của nhà trường và Quận ủy</h2>
        <p>GS.TS. Lê Trung Hải mong Chi bộ tiếp tục có giải pháp cụ thể và coi kết quả buổi sinh hoạt là căn cứ để các đơn vị trong trường áp dụng. TS. Lê Đức Mạnh đề nghị các tổ chức trong trường quan tâm hơn tới việc này, cụ thể hóa chủ trương của cấp trên thành kế hoạch, tạo điều kiện cho Đoàn, Hội hoạt động và tăng cường kiểm tra, giám sát.</p>
        <p>Đồng chí Nguyễn Minh Tiến nêu những khó khăn chung của các trường trên địa bàn, nhất là với học sinh phổ thông, và nhắc tới Hướng dẫn số 01 của Quận ủy về tiêu chuẩn, điều kiện, quy trình kết nạp học sinh, sinh viên. Làm tốt việc này sẽ bổ sung cho Đảng những đảng viên trẻ có tri thức, và tạo nguồn cán bộ cho các địa phương khi sinh viên ra trường.</p>
        <p>Kết luận, Bí thư Chi bộ cảm ơn ý kiến chỉ đạo của Quận ủy và các đại biểu, giao đảng viên và các đơn vị liên quan tiếp thu, chọn lọc cách làm hay để tham mưu cho Chi bộ thực hiện nghị quyết về phát triển đảng viên trong học sinh, sinh viên.</p>
        """;
}
