using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Documents;
using Chibo.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Oversight;

/// <summary>A report's content: the figures and the two lists of people behind them.</summary>
public sealed record ReportContent(
    Organisation Organisation,
    Organisation? Superior,
    OrganisationFigures Figures,
    IReadOnlyList<OversightReport.AdmittedRow> Admitted,
    IReadOnlyList<OversightReport.OverdueRow> Overdue);

/// <summary>
/// The yearly or half-yearly report (báo cáo) on building the source and admitting members, for a cell or a
/// committee: the same figures as the dashboard, then the admitted members and the overdue cases.
/// </summary>
public sealed class OversightReport(AppDbContext db, Figures figures, IConfiguration configuration)
{
    public sealed record AdmittedRow(string Name, DateOnly? Born, string Gender, string? Ethnicity, string Cell, DateOnly Decided, string? Decision);

    public sealed record OverdueRow(string Name, string Cell, string Step, DateOnly Due);

    public sealed record TableRow(string Table, string Item, string Value);

    public PageMargins Margins => PageMargins.From(configuration);

    public async Task<ReportContent> LoadAsync(Organisation organisation, Period period, DateOnly today, CancellationToken cancellationToken = default)
    {
        var computed = await figures.ComputeAsync(organisation, period, today, cancellationToken);
        var superior = organisation.ParentId is { } parentId
            ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == parentId, cancellationToken)
            : null;
        var admitted = await figures.AdmissionsIn(organisation, period)
            .Join(db.Cases, s => s.CaseId, c => c.Id, (s, c) => new { s, c })
            .OrderBy(x => x.s.Date).ThenBy(x => x.c.Person!.SearchName)
            .Select(x => new { x.c.Person!.FullName, x.c.Person.DateOfBirth, x.c.Person.Gender, x.c.Person.Ethnicity, Cell = x.c.Cell!.Name, x.s.Date, x.s.DocumentNumber })
            .ToListAsync(cancellationToken);
        var overdueIds = computed.Deadlines.Where(d => d.Overdue).Select(d => d.CaseId).ToList();
        var names = await db.Cases.AsNoTracking().Where(c => overdueIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Person!.FullName, Cell = c.Cell!.Name })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        return new ReportContent(
            organisation, superior, computed,
            [.. admitted.Select(a => new AdmittedRow(a.FullName, a.DateOfBirth, a.Gender == Gender.Female ? "Nữ" : "Nam", a.Ethnicity, a.Cell, a.Date, a.DocumentNumber))],
            [.. computed.Deadlines.Where(d => d.Overdue).Select(d => new OverdueRow(names[d.CaseId].FullName, names[d.CaseId].Cell, d.Step, d.Due))]);
    }

    /// <summary>The report's tables, row by row, as the document and the spreadsheet show them.</summary>
    public static IReadOnlyList<TableRow> Tables(OrganisationFigures f)
    {
        var rows = new List<TableRow>();
        void Add(string table, string item, object? value) => rows.Add(new TableRow(table, item, value?.ToString() ?? "—"));

        const string target = "Chỉ tiêu và kết quả kết nạp";
        Add(target, "Chỉ tiêu kết nạp", f.Target.Total);
        Add(target, "Đã giao cho tổ chức trực thuộc", f.Target.Assigned);
        Add(target, "Số đảng viên mới được kết nạp", f.Target.Admitted);
        Add(target, "Tỷ lệ đạt chỉ tiêu (%)", f.Target.Total is { } total ? OrganisationFigures.Percent(f.Target.Admitted, total) : null);
        for (var q = 0; q < 4; q++)
        {
            Add(target, $"Quý {q + 1}: kết nạp / chỉ tiêu", $"{f.Target.AdmittedByQuarter[q]} / {f.Target.QuarterTargets[q]?.ToString() ?? "—"}");
        }

        const string funnel = "Tạo nguồn: số người vào từng giai đoạn trong kỳ";
        foreach (var stage in f.Funnel)
        {
            Add(funnel, Capital(stage.Name), $"{stage.Entered} (hiện có {stage.Now}; chuyển tiếp {(stage.ConversionPercent is { } c ? $"{c}%" : "—")})");
        }

        const string time = "Thời gian ở mỗi giai đoạn (ngày): trung vị (khoảng tứ phân vị)";
        foreach (var stage in f.TimeInStage.Where(t => t.Cases > 0))
        {
            Add(time, Capital(stage.Name), $"{stage.MedianDays} ({stage.LowerQuartileDays}–{stage.UpperQuartileDays}), {stage.Cases} hồ sơ");
        }

        const string members = "Cơ cấu đảng viên mới";
        Add(members, "Tổng số", f.NewMembers.Total);
        Add(members, "Nữ", f.NewMembers.Women);
        Add(members, "Nam", f.NewMembers.Men);
        foreach (var band in f.NewMembers.AgeBands)
        {
            Add(members, $"Tuổi {band.Label}", band.Count);
        }

        foreach (var ethnicity in f.NewMembers.Ethnicities)
        {
            Add(members, $"Dân tộc {ethnicity.Label}", ethnicity.Count);
        }

        Add(members, "Đoàn viên", f.NewMembers.YouthUnionMembers);
        Add(members, "Học sinh, sinh viên", f.NewMembers.Students);
        Add(members, "Cán bộ, giảng viên, nhân viên", f.NewMembers.Staff);
        Add(members, $"Tỷ lệ đảng viên trẻ ({Figures.YoungFrom}–{Figures.YoungTo}) trong đảng viên mới (%)", OrganisationFigures.Percent(f.NewMembers.Young, f.NewMembers.Total));
        Add(members, "Tổng số đảng viên cuối kỳ", f.Members.Total);
        Add(members, $"Tỷ lệ đảng viên trẻ ({Figures.YoungFrom}–{Figures.YoungTo}) trong toàn bộ đảng viên (%)", OrganisationFigures.Percent(f.Members.Young, f.Members.Total));

        const string work = "Thời hạn và sinh hoạt";
        Add(work, "Bước đã quá hạn", f.Overdue);
        Add(work, $"Bước đến hạn trong {Figures.UpcomingWorkingDays} ngày làm việc", f.Upcoming);
        Add(work, "Chi bộ thiếu sinh hoạt thường kỳ (số tháng thiếu)", $"{f.Rhythm.CellsMissingRegular} ({f.Rhythm.MissedMonths})");
        Add(work, "Chi bộ thiếu sinh hoạt chuyên đề (số quý thiếu)", $"{f.Rhythm.CellsMissingThematic} ({f.Rhythm.MissedQuarters})");

        const string children = "Các tổ chức trực thuộc: chỉ tiêu / kết nạp / đang theo dõi / quá hạn";
        foreach (var child in f.Children)
        {
            Add(children, child.Name, $"{child.Target?.ToString() ?? "—"} / {child.Admitted} / {child.Open} / {child.Overdue}");
        }

        return rows;
    }

    /// <summary>The report in the Party layout: a BC of the cell (CB) or the committee (ĐU).</summary>
    public PartyDocument Build(ReportContent content)
    {
        var f = content.Figures;
        var cell = content.Organisation.Kind == OrganisationKind.Cell;
        var header = new DocumentHeader(
            content.Superior?.Name ?? "",
            content.Organisation.Name,
            cell ? "…-BC/CB" : "…-BC/ĐU",
            configuration["Documents:Place"] ?? "Hà Nội",
            f.AsOf);
        var body = new List<Block>
        {
            new($"Thực hiện nhiệm vụ tạo nguồn và phát triển đảng viên trong học sinh, sinh viên, {content.Organisation.Name} báo cáo kết quả {f.Period.Label} ({f.Period.From:dd/MM/yyyy}–{f.Period.To:dd/MM/yyyy}), số liệu tính đến ngày {f.AsOf:dd/MM/yyyy}, như sau:"),
        };
        var section = 0;
        foreach (var table in Tables(f).GroupBy(r => r.Table))
        {
            body.Add(new Block($"{++section}. {table.Key}", BlockStyle.Heading));
            body.AddRange(table.Select(r => new Block($"{r.Item}: {r.Value}.", BlockStyle.Item)));
        }

        body.Add(new Block($"{++section}. Danh sách đảng viên mới được kết nạp ({content.Admitted.Count})", BlockStyle.Heading));
        if (content.Admitted.Count == 0)
        {
            body.Add(new Block("Không có.", BlockStyle.Item));
        }

        body.AddRange(content.Admitted.Select((a, i) => new Block(
            $"{i + 1}. {a.Name}, {a.Gender.ToLowerInvariant()}, sinh {a.Born?.ToString("dd/MM/yyyy") ?? "không rõ"}, dân tộc {a.Ethnicity ?? "không rõ"}; {a.Cell}; quyết định kết nạp {a.Decision ?? "(chưa ghi số)"} ngày {a.Decided:dd/MM/yyyy}.")));
        body.Add(new Block($"{++section}. Hồ sơ quá hạn ({content.Overdue.Count})", BlockStyle.Heading));
        if (content.Overdue.Count == 0)
        {
            body.Add(new Block("Không có.", BlockStyle.Item));
        }

        body.AddRange(content.Overdue.Select((o, i) => new Block($"{i + 1}. {o.Name} ({o.Cell}): {o.Step}, hạn {o.Due:dd/MM/yyyy}.")));
        return new PartyDocument(header, "BÁO CÁO", $"kết quả tạo nguồn và phát triển đảng viên {f.Period.Label}", body, null,
            new Signature("Bí thư", "", cell ? "T/M CHI BỘ" : "T/M ĐẢNG ỦY"));
    }

    /// <summary>The report's tables as a spreadsheet: one row per figure.</summary>
    public static Task WriteSheetAsync(Stream output, OrganisationFigures f, CancellationToken cancellationToken = default) =>
        SheetWriter.WriteAsync(output, "Bao cao", [
            new SheetColumn<TableRow>("Bảng", r => r.Table, 50),
            new SheetColumn<TableRow>("Chỉ tiêu thống kê", r => r.Item, 50),
            new SheetColumn<TableRow>("Số liệu", r => r.Value, 30),
        ], Tables(f), cancellationToken);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
