using System.Globalization;
using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Features.Cases;
using Chibo.Features.Meetings;
using Chibo.Features.People;
using Chibo.Features.Training;
using Chibo.Hosting;
using Chibo.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Exports;

/// <summary>
/// Every list a page shows, as an .xlsx with the page's filters and the user's scope: the people registry,
/// the board's cases by stage, a meeting's roll and the open tasks. National ids stay masked, and each export
/// is audited as a read of the people it lists.
/// </summary>
public sealed class ListExports(AppDbContext db, CurrentUser me, AuditLog audit, ChiboClock clock)
{
    /// <summary>More rows than a sheet a person reads: past it the user narrows the filters.</summary>
    public const int MaxRows = 50_000;

    public async Task<FileStreamResult> PeopleAsync(PeopleFilter filter, CancellationToken cancellationToken)
    {
        var people = await new PeopleSearch(db, me).FilteredAsync(filter, cancellationToken);
        var rows = await people.Take(MaxRows)
            .Select(p => new
            {
                p.Id,
                p.FullName,
                p.AcademicTitle,
                p.StudentCode,
                p.DateOfBirth,
                p.Gender,
                Unit = p.Organisation!.ShortName ?? p.Organisation.Name,
                p.NationalId,
                p.IsYouthUnionMember,
                IsPartyMember = db.Memberships.Any(m => m.PersonId == p.Id && m.EndedOn == null),
            })
            .ToListAsync(cancellationToken);
        SheetColumn<(string?, string, string?, DateOnly?, Gender, string, string, bool, bool)>[] columns =
        [
            new("Danh hiệu", r => r.Item1, 10),
            new("Họ và tên", r => r.Item2, 30),
            new("Mã sinh viên", r => r.Item3, 16),
            new("Ngày sinh", r => r.Item4, 12),
            new("Giới tính", r => PeopleText.Of(r.Item5), 10),
            new("Đơn vị", r => r.Item6, 24),
            new("Số định danh (che)", r => r.Item7, 18),
            new("Đoàn viên", r => r.Item8 ? "x" : null, 10),
            new("Đảng viên", r => r.Item9 ? "x" : null, 10),
        ];
        await audit.RecordAsync("export", "PeopleList", "nhan-su", new { filter, rows = rows.Count, people = rows.Select(r => r.Id) }, cancellationToken);
        return await FileAsync("Nhân sự", "nhan-su", columns,
            rows.Select(r => (r.AcademicTitle, r.FullName, r.StudentCode, r.DateOfBirth, r.Gender, r.Unit, PeopleText.MaskNationalId(r.NationalId), r.IsYouthUnionMember, r.IsPartyMember)),
            cancellationToken);
    }

    /// <summary>Every case of the board's organisation, stage by stage in the order of the road, oldest in the stage first.</summary>
    public async Task<FileStreamResult> BoardAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        var scopes = me.PathsFor([.. StepPermissions.Readers]);
        var rows = await db.Cases.AsNoTracking().VisibleIn(db, scopes)
            .Where(c => c.Cell!.Path.StartsWith(organisation.Path))
            .OrderBy(c => c.StageSince).ThenBy(c => c.Id)
            .Take(MaxRows)
            .Select(c => new
            {
                c.Id,
                c.PersonId,
                c.Stage,
                c.StageSince,
                c.Person!.FullName,
                c.Person.StudentCode,
                Unit = c.Person.Organisation!.ShortName ?? c.Person.Organisation.Name,
                Cell = c.Cell!.Name,
            })
            .ToListAsync(cancellationToken);
        var order = BoardModel.Columns.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        var today = clock.Today;
        SheetColumn<(Stage Stage, string Name, string? Code, string Unit, string Cell, DateOnly Since)>[] columns =
        [
            new("Giai đoạn", r => r.Stage.ToVietnamese(), 24),
            new("Họ và tên", r => r.Name, 30),
            new("Mã sinh viên", r => r.Code, 16),
            new("Lớp / đơn vị", r => r.Unit, 16),
            new("Chi bộ", r => r.Cell, 36),
            new("Từ ngày", r => r.Since, 12),
            new("Số ngày ở giai đoạn", r => today.DayNumber - r.Since.DayNumber, 12),
        ];
        await audit.RecordAsync("export", "BoardList", organisation.Id.ToString(), new { rows = rows.Count, cases = rows.Select(r => r.Id) }, cancellationToken);
        return await FileAsync("Bảng theo dõi", "bang-theo-doi", columns,
            rows.OrderBy(r => order.GetValueOrDefault(r.Stage, int.MaxValue)).Select(r => (r.Stage, r.FullName, r.StudentCode, r.Unit, r.Cell, r.StageSince)),
            cancellationToken);
    }

    /// <summary>A meeting's roll: each member by category, present or absent, with the reason; null when the user may not read it.</summary>
    public async Task<FileStreamResult?> AttendanceAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Organisation).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting?.Organisation is null || !MeetingAccess.CanRead(me, meeting.Organisation))
        {
            return null;
        }

        var rows = await db.MeetingAttendance.AsNoTracking()
            .Where(a => a.MeetingId == meetingId)
            .OrderBy(a => a.Category).ThenBy(a => a.Person!.SearchName)
            .Select(a => new { a.PersonId, a.Person!.FullName, a.Category, a.Status, a.Reason })
            .ToListAsync(cancellationToken);
        SheetColumn<(string Name, MemberCategory Category, AttendanceStatus Status, string? Reason)>[] columns =
        [
            new("Họ và tên", r => r.Name, 30),
            new("Loại", r => MeetingLabels.Of(r.Category), 22),
            new("Điểm danh", r => MeetingLabels.Of(r.Status), 18),
            new("Lý do", r => r.Reason, 30),
        ];
        await audit.RecordAsync("export", "MeetingAttendance", meetingId.ToString(), new { rows = rows.Count, people = rows.Select(r => r.PersonId) }, cancellationToken);
        return await FileAsync("Điểm danh", $"diem-danh-{meeting.Date:yyyy-MM-dd}", columns,
            rows.Select(r => (r.FullName, r.Category, r.Status, r.Reason)), cancellationToken, meeting.Date);
    }

    /// <summary>The open tasks the user sees on /hop/nhiem-vu: their own, and those of the bodies whose minutes they keep.</summary>
    public async Task<FileStreamResult> TasksAsync(CancellationToken cancellationToken)
    {
        var scopes = me.PathsFor([.. MeetingAccess.PartyEditors.Union(MeetingAccess.UnionEditors)]);
        var kept = db.Organisations.Within(scopes).Select(o => o.Id);
        var person = me.PersonId;
        var rows = await db.MeetingTasks.AsNoTracking()
            .Where(t => t.ClosedOn == null)
            .Join(db.Meetings, t => t.MeetingId, m => m.Id, (t, m) => new { Task = t, Meeting = m })
            .Where(x => (person != null && x.Task.OwnerPersonId == person) || (scopes.Count > 0 && kept.Contains(x.Meeting.OrganisationId)))
            .OrderBy(x => x.Task.DueOn == null).ThenBy(x => x.Task.DueOn).ThenBy(x => x.Meeting.Date)
            .Take(MaxRows)
            .Select(x => new { x.Task.Id, x.Task.Description, x.Task.Owner, x.Task.DueOn, x.Task.DoneWhen, x.Meeting.Date, Body = x.Meeting.Organisation!.Name })
            .ToListAsync(cancellationToken);
        SheetColumn<(string Description, string Owner, DateOnly? Due, string? DoneWhen, DateOnly Date, string Body)>[] columns =
        [
            new("Nhiệm vụ", r => r.Description, 40),
            new("Người / bộ phận thực hiện", r => r.Owner, 26),
            new("Hạn", r => r.Due, 12),
            new("Kết quả cần đạt", r => r.DoneWhen, 30),
            new("Giao tại cuộc họp ngày", r => r.Date, 14),
            new("Tổ chức", r => r.Body, 30),
        ];
        await audit.RecordAsync("export", "MeetingTasks", "nhiem-vu", new { rows = rows.Count, tasks = rows.Select(r => r.Id) }, cancellationToken);
        return await FileAsync("Nhiệm vụ", "nhiem-vu", columns, rows.Select(r => (r.Description, r.Owner, r.DueOn, r.DoneWhen, r.Date, r.Body)), cancellationToken);
    }

    /// <summary>Every meeting of one body, newest first: kind, topic, who chaired and kept the minutes, who came.</summary>
    public async Task<FileStreamResult> MeetingsAsync(Organisation body, CancellationToken cancellationToken)
    {
        var rows = await db.Meetings.AsNoTracking()
            .Where(m => m.OrganisationId == body.Id)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.StartTime)
            .Take(MaxRows)
            .Select(m => new
            {
                m.Date,
                m.StartTime,
                m.Kind,
                m.Topic,
                m.Place,
                Chair = m.Chair!.FullName,
                Secretary = m.Secretary!.FullName,
                Present = m.Attendance.Count(a => a.Status == AttendanceStatus.Present),
                Expected = m.Attendance.Count,
                m.Number,
                Signed = m.SignedAt != null,
            })
            .ToListAsync(cancellationToken);
        SheetColumn<(DateOnly Date, string Time, string Kind, string? Topic, string Place, string Chair, string Secretary, string Present, string? Number, string State)>[] columns =
        [
            new("Ngày", r => r.Date, 12),
            new("Giờ bắt đầu", r => r.Time, 10),
            new("Loại", r => r.Kind, 24),
            new("Chủ đề", r => r.Topic, 40),
            new("Địa điểm", r => r.Place, 24),
            new("Chủ trì", r => r.Chair, 22),
            new("Thư ký", r => r.Secretary, 22),
            new("Có mặt", r => r.Present, 10),
            new("Số biên bản", r => r.Number, 14),
            new("Biên bản", r => r.State, 10),
        ];
        await audit.RecordAsync("export", "Meetings", body.Id.ToString(), new { rows = rows.Count }, cancellationToken);
        return await FileAsync("Cuộc họp", "cuoc-hop", columns,
            rows.Select(r => (r.Date, r.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture), MeetingLabels.Of(r.Kind), r.Topic, r.Place, r.Chair, r.Secretary,
                r.Expected == 0 ? "" : $"{r.Present}/{r.Expected}", r.Number, r.Signed ? "Đã ký" : "Đang ghi")),
            cancellationToken);
    }

    /// <summary>The training classes the user sees on /lop, with their enrolment and certificate counts.</summary>
    public async Task<FileStreamResult> TrainingClassesAsync(IReadOnlyList<(TrainingClass Class, string Owner, int Enrolled, int Certified)> classes, CancellationToken cancellationToken)
    {
        SheetColumn<(TrainingClass Class, string Owner, int Enrolled, int Certified)>[] columns =
        [
            new("Lớp", r => r.Class.Name, 40),
            new("Loại", r => TrainingLabels.Of(r.Class.Kind), 30),
            new("Cấp ủy mở lớp", r => r.Owner, 30),
            new("Đơn vị tổ chức", r => r.Class.OrganiserName, 30),
            new("Từ ngày", r => r.Class.StartsOn, 12),
            new("Đến ngày", r => r.Class.EndsOn, 12),
            new("Địa điểm", r => r.Class.Place, 24),
            new("Trạng thái", r => TrainingLabels.Of(r.Class.Status), 14),
            new("Học viên", r => r.Enrolled, 10),
            new("Đã cấp giấy", r => r.Certified, 12),
        ];
        await audit.RecordAsync("export", "TrainingClasses", "lop", new { rows = classes.Count, classes = classes.Select(c => c.Class.Id) }, cancellationToken);
        return await FileAsync("Lớp bồi dưỡng", "lop-boi-duong", columns, classes, cancellationToken);
    }

    /// <summary>The inspection records of /kiem-tra/bien-ban with the state of their corrections.</summary>
    public async Task<FileStreamResult> InspectionRecordsAsync(IReadOnlyList<Inspection.RecordsModel.Row> records, CancellationToken cancellationToken)
    {
        SheetColumn<Inspection.RecordsModel.Row>[] columns =
        [
            new("Ngày kiểm tra", r => r.InspectedOn, 12),
            new("Chi bộ", r => r.Cell, 36),
            new("Người kiểm tra", r => r.Inspectors, 36),
            new("Đang khắc phục", r => r.Open, 14),
            new("Quá hạn", r => r.Overdue, 10),
            new("Đã xong", r => r.Closed, 10),
        ];
        await audit.RecordAsync("export", "Inspections", "kiem-tra/bien-ban", new { rows = records.Count, records = records.Select(r => r.Id) }, cancellationToken);
        return await FileAsync("Biên bản kiểm tra", "bien-ban-kiem-tra", columns, records, cancellationToken);
    }

    /// <summary>A body's register of documents for one year, symbol by symbol, highest number first, as on /so-van-ban.</summary>
    public async Task<FileStreamResult> RegisterAsync(Organisation organisation, int year, CancellationToken cancellationToken)
    {
        var rows = await db.IssuedDocuments.AsNoTracking()
            .Where(d => d.OrganisationId == organisation.Id && d.Year == year)
            .OrderBy(d => d.Symbol).ThenByDescending(d => d.Sequence)
            .Take(MaxRows)
            .Select(d => new { d.Number, d.Date, d.FormCode, d.Title, d.IssuedBy, d.IssuedAt })
            .ToListAsync(cancellationToken);
        SheetColumn<(string Number, DateOnly Date, string Form, string Title, string By, DateOnly IssuedOn)>[] columns =
        [
            new("Số, ký hiệu", r => r.Number, 16),
            new("Ngày văn bản", r => r.Date, 12),
            new("Mẫu", r => r.Form, 10),
            new("Trích yếu", r => r.Title, 60),
            new("Người cấp số", r => r.By, 24),
            new("Ngày cấp số", r => r.IssuedOn, 12),
        ];
        await audit.RecordAsync("export", "NumberRegister", organisation.Id.ToString(), new { year, rows = rows.Count }, cancellationToken);
        return await FileAsync($"Sổ văn bản {year}", $"so-van-ban-{year}", columns,
            rows.Select(r => (r.Number, r.Date, r.FormCode, r.Title, r.IssuedBy, LocalDate(r.IssuedAt))), cancellationToken);
    }

    /// <summary>Every correction request of the people the user may answer for, newest first, with the answers.</summary>
    public async Task<FileStreamResult> CorrectionsAsync(CancellationToken cancellationToken)
    {
        var visible = db.People.VisibleIn(db, me.PathsFor(Corrections.IndexModel.Handlers)).Select(p => p.Id);
        var rows = await db.CorrectionRequests.AsNoTracking()
            .Where(r => visible.Contains(r.PersonId))
            .OrderByDescending(r => r.CreatedAt)
            .Take(MaxRows)
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new
            {
                r.Id,
                r.CreatedAt,
                p.FullName,
                p.StudentCode,
                Unit = p.Organisation!.ShortName ?? p.Organisation.Name,
                r.Text,
                r.Status,
                r.Response,
                r.ResolvedBy,
                r.ResolvedAt,
            })
            .ToListAsync(cancellationToken);
        SheetColumn<(DateOnly Asked, string Person, string? Code, string Unit, string Text, string Status, string? Response, string? By, DateOnly? On)>[] columns =
        [
            new("Ngày đề nghị", r => r.Asked, 12),
            new("Họ và tên", r => r.Person, 26),
            new("Mã sinh viên", r => r.Code, 14),
            new("Đơn vị", r => r.Unit, 20),
            new("Nội dung đề nghị", r => r.Text, 50),
            new("Kết quả", r => r.Status, 12),
            new("Trả lời", r => r.Response, 50),
            new("Người trả lời", r => r.By, 22),
            new("Ngày trả lời", r => r.On, 12),
        ];
        await audit.RecordAsync("export", "CorrectionRequests", "yeu-cau-sua", new { rows = rows.Count, requests = rows.Select(r => r.Id) }, cancellationToken);
        return await FileAsync("Đề nghị sửa thông tin", "de-nghi-sua-thong-tin", columns,
            rows.Select(r => (LocalDate(r.CreatedAt), r.FullName, r.StudentCode, r.Unit, r.Text, StatusText(r.Status), r.Response, r.ResolvedBy, r.ResolvedAt is { } at ? LocalDate(at) : (DateOnly?)null)),
            cancellationToken);

        static string StatusText(CorrectionStatus status) => status switch
        {
            CorrectionStatus.Done => "Đã sửa",
            CorrectionStatus.Declined => "Không sửa",
            _ => "Đang chờ",
        };
    }

    /// <summary>The day in Vietnam (UTC+7) of a moment stored in UTC.</summary>
    private static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(utc.AddHours(7));

    private async Task<FileStreamResult> FileAsync<TRow>(string sheetName, string slug, IReadOnlyList<SheetColumn<TRow>> columns, IEnumerable<TRow> rows, CancellationToken cancellationToken, DateOnly? date = null)
    {
        // Buffered, not streamed to the response: the writer's zip does synchronous writes, which Kestrel refuses.
        var stream = new MemoryStream();
        await SheetWriter.WriteAsync(stream, sheetName, columns, rows, cancellationToken);
        stream.Position = 0;
        return new FileStreamResult(stream, SheetWriter.ContentType)
        {
            FileDownloadName = date is null ? SheetWriter.FileName(slug, clock.Today) : $"{slug}.xlsx",
        };
    }
}

/// <summary>The meeting exports' addresses, kept out of the meetings pages so that their code stays theirs.</summary>
public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/hop/{id:guid}/diem-danh.xlsx", async (Guid id, ListExports exports, CancellationToken cancellationToken) =>
            await exports.AttendanceAsync(id, cancellationToken) is { } file ? (IResult)TypedResults.File(file.FileStream, file.ContentType, file.FileDownloadName) : TypedResults.NotFound())
            .RequireAuthorization();
        app.MapGet("/hop/nhiem-vu.xlsx", async (ListExports exports, CurrentUser me, CancellationToken cancellationToken) =>
            me.IsSignedIn ? (IResult)await ToResultAsync(exports.TasksAsync(cancellationToken)) : TypedResults.Forbid())
            .RequireAuthorization();
        return app;
    }

    private static async Task<IResult> ToResultAsync(Task<FileStreamResult> file)
    {
        var result = await file;
        return TypedResults.File(result.FileStream, result.ContentType, result.FileDownloadName);
    }
}
