namespace Chibo.Data.Entities;

/// <summary>What kind of meeting a minutes book records. Party kinds are held by a cell; union kinds by a union body.</summary>
public enum MeetingKind
{
    /// <summary>Sinh hoạt chi bộ thường kỳ (monthly).</summary>
    Regular,
    /// <summary>Sinh hoạt chuyên đề (at least quarterly).</summary>
    Thematic,
    /// <summary>Họp bất thường.</summary>
    Extraordinary,
    /// <summary>Lễ kết nạp đảng viên.</summary>
    AdmissionCeremony,
    /// <summary>Sinh hoạt chi đoàn.</summary>
    UnionBranch,
    /// <summary>Họp Ban Chấp hành Đoàn trường.</summary>
    UnionCommittee,
}

/// <summary>
/// One meeting as the minutes book holds it. Open while the secretary writes; once the minutes are signed it
/// is read-only, and any change is a <see cref="MeetingCorrection"/> with its reason.
/// </summary>
public sealed class Meeting : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public MeetingKind Kind { get; set; }
    /// <summary>The theme of a thematic meeting, or what an extraordinary one is about.</summary>
    public string? Topic { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public required string Place { get; set; }
    public Guid ChairPersonId { get; set; }
    public Person? Chair { get; set; }
    public Guid SecretaryPersonId { get; set; }
    public Person? Secretary { get; set; }
    /// <summary>Number and symbol of the minutes, e.g. "05-BB/CB".</summary>
    public string? Number { get; set; }
    public DateTime? SignedAt { get; set; }
    public string? SignedBy { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }

    public ICollection<MeetingGuest> Guests { get; } = [];
    public ICollection<MeetingAttendance> Attendance { get; } = [];
    public ICollection<MeetingAgendaItem> Agenda { get; } = [];
    public ICollection<MeetingTask> Tasks { get; } = [];
    public ICollection<MeetingCorrection> Corrections { get; } = [];
    public MeetingScore? Score { get; set; }

    public bool IsSigned => SignedAt is not null;

    public bool IsPartyMeeting => Kind is MeetingKind.Regular or MeetingKind.Thematic or MeetingKind.Extraordinary or MeetingKind.AdmissionCeremony;
}

/// <summary>A guest named in the minutes, with the title and organisation as announced.</summary>
public sealed class MeetingGuest
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public int Order { get; set; }
    public Guid? PersonId { get; set; }
    public required string Name { get; set; }
    public string? Title { get; set; }
    public string? OrganisationName { get; set; }
}

/// <summary>How a person stands on the roll on the meeting's date.</summary>
public enum MemberCategory
{
    Official,
    Probationary,
    /// <summary>Đảng viên sinh hoạt tạm thời: a member of another cell attached here; attends, does not vote.</summary>
    Attached,
    /// <summary>On the roll of a Youth Union branch or committee.</summary>
    UnionMember,
}

public enum AttendanceStatus
{
    Present,
    /// <summary>Vắng có lý do.</summary>
    Excused,
    /// <summary>Vắng không lý do.</summary>
    Absent,
}

/// <summary>One member of the roll on the meeting's date, generated when the meeting is created.</summary>
public sealed class MeetingAttendance
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public MemberCategory Category { get; set; }
    public AttendanceStatus Status { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A change to signed minutes: what changed and why, kept with the minutes.</summary>
public sealed class MeetingCorrection
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public required string What { get; set; }
    public required string Reason { get; set; }
    public required string By { get; set; }
    public DateTime At { get; set; }
}
