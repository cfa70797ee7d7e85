using Chibo.Data.Entities;

namespace Chibo.Features.Meetings;

/// <summary>Vietnamese names of meeting values, as the minutes book writes them.</summary>
public static class MeetingLabels
{
    public static string Of(MeetingKind kind) => kind switch
    {
        MeetingKind.Regular => "Sinh hoạt chi bộ thường kỳ",
        MeetingKind.Thematic => "Sinh hoạt chuyên đề",
        MeetingKind.Extraordinary => "Họp chi bộ bất thường",
        MeetingKind.AdmissionCeremony => "Lễ kết nạp đảng viên",
        MeetingKind.UnionBranch => "Sinh hoạt chi đoàn",
        MeetingKind.UnionCommittee => "Họp Ban Chấp hành Đoàn trường",
    };

    public static string Of(MemberCategory category) => category switch
    {
        MemberCategory.Official => "Đảng viên chính thức",
        MemberCategory.Probationary => "Đảng viên dự bị",
        MemberCategory.Attached => "Đảng viên sinh hoạt tạm thời",
        MemberCategory.UnionMember => "Đoàn viên",
    };

    public static string Of(AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "Có mặt",
        AttendanceStatus.Excused => "Vắng có lý do",
        AttendanceStatus.Absent => "Vắng không lý do",
    };

    public static string Of(VotePurpose purpose) => purpose switch
    {
        VotePurpose.General => "Biểu quyết chung",
        VotePurpose.SympathizerList => "Đưa vào danh sách cảm tình Đảng",
        VotePurpose.Admission => "Đề nghị kết nạp đảng viên",
        VotePurpose.Recognition => "Đề nghị công nhận đảng viên chính thức",
        VotePurpose.UnionIntroduction => "Giới thiệu đoàn viên ưu tú cho Chi bộ",
    };

    public static string Of(VoteMethod method) => method switch
    {
        VoteMethod.ShowOfHands => "giơ tay",
        VoteMethod.SecretBallot => "bỏ phiếu kín",
    };

    public static string Of(TaskProgress progress) => progress switch
    {
        TaskProgress.NotStarted => "Chưa thực hiện",
        TaskProgress.InProgress => "Đang thực hiện",
        TaskProgress.Stuck => "Gặp vướng mắc",
    };

    /// <summary>"08 giờ 00".</summary>
    public static string Time(TimeOnly time) => $"{time.Hour:00} giờ {time.Minute:00}";
}
