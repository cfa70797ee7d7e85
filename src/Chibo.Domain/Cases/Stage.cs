namespace Chibo.Domain.Cases;

/// <summary>Where a person stands on the road from source to official member (DOMAIN.md, in order).</summary>
public enum Stage
{
    Source,
    Outstanding,
    Sympathizer,
    Trained,
    Applying,
    CellProposed,
    CommitteeProposed,
    Admitted,
    Probationary,
    RecognitionProposed,
    Official,
    Withdrawn,
    Rejected,
    RemovedFromProbation,
}

public static class StageExtensions
{
    /// <summary>The Vietnamese name a person reads.</summary>
    public static string ToVietnamese(this Stage stage) => stage switch
    {
        Stage.Source => "nguồn",
        Stage.Outstanding => "quần chúng ưu tú",
        Stage.Sympathizer => "cảm tình Đảng",
        Stage.Trained => "đã học lớp nhận thức về Đảng",
        Stage.Applying => "đang lập hồ sơ",
        Stage.CellProposed => "chi bộ đã đề nghị kết nạp",
        Stage.CommitteeProposed => "đảng ủy cơ sở đã đề nghị kết nạp",
        Stage.Admitted => "đã có quyết định kết nạp",
        Stage.Probationary => "đảng viên dự bị",
        Stage.RecognitionProposed => "đã đề nghị công nhận đảng viên chính thức",
        Stage.Official => "đảng viên chính thức",
        Stage.Withdrawn => "đã rút hồ sơ",
        Stage.Rejected => "không đạt",
        Stage.RemovedFromProbation => "đã bị xóa tên khỏi danh sách đảng viên dự bị",
    };

    /// <summary>True for the ends of the road: nothing more happens in this case.</summary>
    public static bool IsTerminal(this Stage stage) => stage switch
    {
        Stage.Official or Stage.Withdrawn or Stage.Rejected or Stage.RemovedFromProbation => true,
        Stage.Source or Stage.Outstanding or Stage.Sympathizer or Stage.Trained or Stage.Applying or Stage.CellProposed
            or Stage.CommitteeProposed or Stage.Admitted or Stage.Probationary or Stage.RecognitionProposed => false,
    };
}
