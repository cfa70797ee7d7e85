using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;

namespace Chibo.Domain.Cases;

/// <summary>A standard form: its code, what it is, the guidance that issued this version, and whether it is handwritten.</summary>
public sealed record FormDefinition(string Code, string Name, LegalSource Guidance, bool Handwritten = false);

/// <summary>
/// The admission forms of Hướng dẫn 12-HD/BTCTW (18/01/2022), keyed by the step that produces them.
/// Data, not logic: a new set of forms is a new table here (or, later, rows in the database).
/// </summary>
public static class FormCatalogue
{
    public static readonly LegalSource Guidance2022 = new("Hướng dẫn", "12-HD/BTCTW", "Ban Tổ chức Trung ương", new DateOnly(2022, 1, 18));

    private static readonly Dictionary<EventKind, FormDefinition> ByStep = new()
    {
        [EventKind.AwarenessCertificate] = new("CN-NTVĐ", "Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng", Guidance2022),
        [EventKind.Application] = new("1-KNĐ", "Đơn xin vào Đảng", Guidance2022, Handwritten: true),
        [EventKind.BackgroundForm] = new("2-KNĐ", "Lý lịch của người xin vào Đảng", Guidance2022, Handwritten: true),
        [EventKind.Introduction] = new("3-KNĐ", "Giấy giới thiệu người vào Đảng", Guidance2022),
        [EventKind.UnionResolution] = new("4-KNĐ", "Nghị quyết giới thiệu đoàn viên ưu tú vào Đảng", Guidance2022),
        [EventKind.OpinionsSummary] = new("5-KNĐ", "Tổng hợp ý kiến nhận xét của tổ chức đoàn thể và chi ủy nơi cư trú", Guidance2022),
        [EventKind.CellResolution] = new("6-KNĐ", "Nghị quyết đề nghị kết nạp đảng viên", Guidance2022),
        [EventKind.CommitteeResolution] = new("8-KNĐ", "Nghị quyết của đảng ủy cơ sở đề nghị kết nạp đảng viên", Guidance2022),
        [EventKind.AdmissionDecision] = new("9-KNĐ", "Quyết định kết nạp đảng viên", Guidance2022),
        [EventKind.SelfReview] = new("10-KNĐ", "Bản tự kiểm điểm của đảng viên dự bị", Guidance2022, Handwritten: true),
        [EventKind.HelperComment] = new("11-KNĐ", "Bản nhận xét đảng viên dự bị của đảng viên giúp đỡ", Guidance2022),
        [EventKind.ProbationOpinions] = new("12-KNĐ", "Tổng hợp ý kiến nhận xét đảng viên dự bị", Guidance2022),
        [EventKind.RecognitionResolution] = new("13-KNĐ", "Nghị quyết đề nghị công nhận đảng viên chính thức", Guidance2022),
        [EventKind.RecognitionCommitteeResolution] = new("15-KNĐ", "Nghị quyết của đảng ủy cơ sở đề nghị công nhận đảng viên chính thức", Guidance2022),
        [EventKind.RecognitionDecision] = new("QĐ-CNĐVCT", "Quyết định công nhận đảng viên chính thức", Guidance2022),
    };

    public static FormDefinition? For(EventKind step) => ByStep.GetValueOrDefault(step);

    /// <summary>The papers a case should hold once it has reached <paramref name="stage"/>.</summary>
    public static IReadOnlyList<(EventKind Step, FormDefinition Form)> ChecklistFor(Stage stage, bool youthUnionMember)
    {
        EventKind[] steps = stage switch
        {
            Stage.Source or Stage.Outstanding or Stage.Sympathizer => [EventKind.AwarenessCertificate],
            Stage.Trained or Stage.Applying =>
                [EventKind.AwarenessCertificate, EventKind.Application, EventKind.BackgroundForm, EventKind.Introduction, EventKind.UnionResolution, EventKind.OpinionsSummary],
            Stage.CellProposed or Stage.CommitteeProposed or Stage.Admitted =>
                [EventKind.AwarenessCertificate, EventKind.Application, EventKind.BackgroundForm, EventKind.Introduction, EventKind.UnionResolution, EventKind.OpinionsSummary, EventKind.CellResolution, EventKind.CommitteeResolution, EventKind.AdmissionDecision],
            Stage.Probationary or Stage.RecognitionProposed or Stage.Official or Stage.RemovedFromProbation =>
                [EventKind.AdmissionDecision, EventKind.SelfReview, EventKind.HelperComment, EventKind.ProbationOpinions, EventKind.RecognitionResolution, EventKind.RecognitionCommitteeResolution, EventKind.RecognitionDecision],
            Stage.Withdrawn or Stage.Rejected => [],
        };
        return [.. steps
            .Where(s => youthUnionMember || s != EventKind.UnionResolution)
            .Select(s => (s, ByStep[s]))];
    }
}
