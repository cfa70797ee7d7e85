using System.Text;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;


namespace Chibo.Features.Dossiers;

/// <summary>The human-readable appraisal (báo cáo thẩm định) of one dossier, in Vietnamese.</summary>
public static class DossierAppraisalText
{
    public static void Write(StringBuilder text, string file, Dossier dossier, CheckReport report, RulebookSet rulebooks)
    {
        var errors = report.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = report.Findings.Count - errors;
        var rulebook = rulebooks.All.First(r => r.Id == report.Rulebook);
        text.AppendLine("BÁO CÁO THẨM ĐỊNH HỒ SƠ KẾT NẠP ĐẢNG VIÊN");
        text.AppendLine($"Tệp: {file}");
        text.AppendLine($"Người vào Đảng: {dossier.Applicant.FullName}, sinh ngày {VietnameseDates.Display(dossier.Applicant.DateOfBirth)}");
        text.AppendLine($"Chi bộ: {dossier.Cell.Name}{(dossier.Cell.IsGrassroots ? " (chi bộ cơ sở)" : string.Empty)}");
        text.AppendLine($"Tình trạng: {Capitalize(report.Stage.ToVietnamese())}");
        text.AppendLine($"Thẩm định đến ngày: {VietnameseDates.Display(dossier.AsOf)}");
        text.AppendLine($"Văn bản áp dụng cho bước gần nhất: {rulebook.Basis} ({rulebook.Id})");
        text.AppendLine();
        if (report.Findings.Count == 0)
        {
            text.AppendLine("Kết quả: hồ sơ không có sai sót theo các quy định đã kiểm tra.");
        }
        else
        {
            text.AppendLine($"Kết quả: {errors} lỗi, {warnings} lưu ý.");
            var n = 1;
            foreach (var finding in report.Findings)
            {
                var label = finding.Severity == Severity.Error ? "Lỗi" : "Lưu ý";
                text.AppendLine($"  {n}. [{label}] {finding.Message}.");
                text.AppendLine($"     Mã: {finding.Rule}. Căn cứ: {finding.Basis}.");
                n++;
            }
        }

        if (report.Deadlines.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Thời hạn:");
            foreach (var deadline in report.Deadlines)
            {
                var step = EventKinds.TryParse(deadline.Step, out var kind) ? Capitalize(kind.ToVietnamese()) : deadline.Step;
                var state = deadline.Overdue ? "ĐÃ QUÁ HẠN" : "còn trong hạn";
                text.AppendLine($"  - {step}: hạn {VietnameseDates.Display(deadline.Due)} ({state}).");
            }
        }

        text.AppendLine();
        text.AppendLine($"Bước tiếp theo: {NextStep(report.Stage, dossier.Cell.IsGrassroots)}");
    }

    /// <summary>What the cell should do next, in one Vietnamese sentence.</summary>
    public static string NextStep(Stage stage, bool grassroots) => stage switch
    {
        Stage.Source => "Đoàn trường xem xét, giới thiệu quần chúng ưu tú cho chi bộ.",
        Stage.Outstanding => "Chi bộ đưa vào danh sách cảm tình Đảng và phân công đảng viên chính thức giúp đỡ.",
        Stage.Sympathizer => "Cử đi học lớp bồi dưỡng nhận thức về Đảng.",
        Stage.Trained => "Hướng dẫn viết đơn (1-KNĐ), khai lý lịch (2-KNĐ); thẩm tra lý lịch, giới thiệu, tổng hợp ý kiến nhận xét.",
        Stage.Applying => "Chi bộ họp, biểu quyết đề nghị kết nạp (6-KNĐ), cần ít nhất 2/3 đảng viên chính thức tán thành.",
        Stage.CellProposed => grassroots
            ? "Gửi hồ sơ lên cấp ủy có thẩm quyền ra quyết định kết nạp (9-KNĐ)."
            : "Đảng ủy cơ sở xét, ra nghị quyết đề nghị kết nạp (8-KNĐ).",
        Stage.CommitteeProposed => "Cấp ủy có thẩm quyền ra quyết định kết nạp (9-KNĐ).",
        Stage.Admitted => "Tổ chức lễ kết nạp trong 30 ngày làm việc kể từ khi nhận quyết định.",
        Stage.Probationary => "Học lớp bồi dưỡng đảng viên mới; sau đủ 12 tháng dự bị: tự kiểm điểm (10-KNĐ), nhận xét của đảng viên giúp đỡ (11-KNĐ), tổng hợp ý kiến (12-KNĐ), chi bộ xét công nhận chính thức (13-KNĐ).",
        Stage.RecognitionProposed => "Cấp ủy có thẩm quyền ra quyết định công nhận đảng viên chính thức.",
        Stage.Official => "Hồ sơ đã hoàn tất.",
        Stage.Withdrawn or Stage.Rejected or Stage.RemovedFromProbation => "Hồ sơ đã kết thúc; nếu làm lại phải lập hồ sơ mới.",
    };

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
