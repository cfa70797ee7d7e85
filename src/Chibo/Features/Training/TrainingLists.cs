using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Documents;
using Chibo.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Training;

/// <summary>
/// The organiser's lists of a class: the enrolment list, the attendance sheet and the results as .xlsx sheets,
/// and the enrolment list as a Party document (an attachment carrying the number of the committee's decision).
/// </summary>
public sealed class TrainingLists(AppDbContext db, IConfiguration configuration)
{
    public const string EnrolmentList = "danh-sach";
    public const string AttendanceSheet = "diem-danh";
    public const string Results = "ket-qua";

    public static bool IsList(string? list) => list is EnrolmentList or AttendanceSheet or Results;

    public async Task WriteSheetAsync(ClassFile file, string list, Stream output, CancellationToken cancellationToken = default)
    {
        var rows = file.Rows.Select((r, i) => (Index: i + 1, Row: r)).ToList();
        List<SheetColumn<(int Index, EnrolmentRow Row)>> columns =
        [
            new("STT", r => r.Index, 6),
            new("Họ và tên", r => r.Row.Name, 28),
            new("Ngày sinh", r => r.Row.DateOfBirth, 12),
            new("Lớp / đơn vị", r => r.Row.Unit, 14),
            new("Chi bộ", r => r.Row.Cell, 36),
        ];
        switch (list)
        {
            case AttendanceSheet:
                columns.AddRange(file.Sessions.Select((s, i) => new SheetColumn<(int Index, EnrolmentRow Row)>(
                    $"Buổi {i + 1} ({s.Date:dd/MM})", r => !file.HasAttendance(s) ? null : file.Attended(r.Row.Enrolment, s) ? "có mặt" : "vắng", 14)));
                columns.Add(new("Số buổi có mặt", r => file.Sessions.Count(s => file.Attended(r.Row.Enrolment, s)), 10));
                break;
            case Results:
                columns.AddRange(
                [
                    new("Điểm", r => r.Row.Enrolment.Score, 8),
                    new("Kết quả", r => TrainingLabels.Of(r.Row.Enrolment.Outcome), 12),
                    new("Xếp loại", r => TrainingLabels.Of(r.Row.Enrolment.Rating), 12),
                    new("Số giấy chứng nhận", r => r.Row.Enrolment.CertificateNumber, 20),
                    new("Ngày cấp", r => r.Row.Enrolment.CertificateDate, 12),
                ]);
                break;
        }

        await SheetWriter.WriteAsync(output, SheetName(list), columns, rows, cancellationToken);
    }

    public static string FileName(ClassFile file, string list, string extension) => $"lop-{list}-{file.Class.StartsOn:yyyy-MM-dd}.{extension}";

    private static string SheetName(string list) => list switch
    {
        AttendanceSheet => "Điểm danh",
        Results => "Kết quả",
        _ => "Danh sách",
    };

    public PageMargins Margins => PageMargins.From(configuration);

    /// <summary>
    /// The enrolment list in the Party layout, issued by the owning committee. A list carries the number of the
    /// decision it is attached to, which Chibo does not hold: the number is left for the committee to fill in.
    /// </summary>
    public async Task<PartyDocument> BuildEnrolmentListAsync(ClassFile file, CancellationToken cancellationToken = default)
    {
        var training = file.Class;
        var superior = file.Owner.ParentId is { } parentId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == parentId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var header = new DocumentHeader(superior ?? "", file.Owner.Name, $"…-QĐ/{Symbol(file.Owner.Kind)}", configuration["Documents:Place"] ?? "Hà Nội", training.StartsOn);
        var body = new List<Block>
        {
            new($"{training.OrganiserName}; từ {training.StartsOn:dd/MM/yyyy} đến {training.EndsOn:dd/MM/yyyy}; tại {training.Place}.", Lead: "Đơn vị tổ chức:"),
            new($"{file.Rows.Count} {TrainingLabels.StudentsOf(training.Kind)}.", Lead: "Tổng số học viên:"),
        };
        var number = 0;
        foreach (var cell in file.Rows.GroupBy(r => r.Cell))
        {
            body.Add(new Block($"{cell.Key} ({cell.Count()} người)", BlockStyle.Heading));
            body.AddRange(cell.Select(r => new Block(
                $"{++number}. {r.Name}" + (r.DateOfBirth is { } born ? $", sinh ngày {born:dd/MM/yyyy}" : "") + (r.Unit is { } unit ? $", {unit}" : ""))));
        }

        body.Add(new Block("Danh sách này kèm theo quyết định mở lớp và mang số của quyết định đó.", BlockStyle.Note));
        return new PartyDocument(header, "DANH SÁCH", $"Học viên {training.Name}", body, null, new Signature("Bí thư", "", OnBehalfOf: "T/M Ban Thường vụ"));
    }

    /// <summary>The symbol of a committee in a document number: QU for a district, TU for a city, ĐU otherwise.</summary>
    private static string Symbol(OrganisationKind kind) => kind switch
    {
        OrganisationKind.DistrictCommittee => "QU",
        OrganisationKind.CityCommittee => "TU",
        _ => "ĐU",
    };
}
