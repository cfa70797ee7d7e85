using Chibo.Domain.Dossiers;

namespace Chibo.Data.Entities;

/// <summary>An item of the agenda: who spoke and what they said, and how the chair concluded it.</summary>
public sealed class MeetingAgendaItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    public string? Conclusion { get; set; }

    public ICollection<MeetingSpeech> Speeches { get; } = [];
    public ICollection<MeetingVote> Votes { get; } = [];
}

/// <summary>One speaker's contribution, summarised by the meeting's secretary.</summary>
public sealed class MeetingSpeech
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgendaItemId { get; set; }
    public int Order { get; set; }
    public Guid? PersonId { get; set; }
    public required string Speaker { get; set; }
    /// <summary>The speaker's role as announced ("Bí thư Đoàn trường").</summary>
    public string? SpeakerTitle { get; set; }
    public required string Summary { get; set; }
}

/// <summary>What a vote decides; the case kinds record a step of the candidate's case.</summary>
public enum VotePurpose
{
    /// <summary>Any other question the meeting decides (a plan, a resolution).</summary>
    General,
    /// <summary>Đưa vào danh sách cảm tình Đảng.</summary>
    SympathizerList,
    /// <summary>Đề nghị kết nạp đảng viên (6-KNĐ).</summary>
    Admission,
    /// <summary>Đề nghị công nhận đảng viên chính thức (13-KNĐ).</summary>
    Recognition,
    /// <summary>Giới thiệu đoàn viên ưu tú cho chi bộ (4-KNĐ).</summary>
    UnionIntroduction,
}

public enum VoteMethod
{
    ShowOfHands,
    SecretBallot,
}

/// <summary>A vote of an agenda item: the count, the eligible voters and, for a case, the step it recorded.</summary>
public sealed class MeetingVote
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgendaItemId { get; set; }
    public required string Question { get; set; }
    public VotePurpose Purpose { get; set; }
    public VoteMethod Method { get; set; }
    public Guid? CaseId { get; set; }
    public int Eligible { get; set; }
    public int For { get; set; }
    public int Against { get; set; }
    public int Abstain { get; set; }
    public bool Passed { get; set; }
    /// <summary>The case step the passed vote recorded.</summary>
    public Guid? CaseStepId { get; set; }
    public EventKind? StepKind { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}
