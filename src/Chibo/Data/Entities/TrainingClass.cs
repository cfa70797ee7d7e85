namespace Chibo.Data.Entities;

/// <summary>Which course a class is: the awareness class for sympathizers or the political course for new members.</summary>
public enum TrainingKind
{
    /// <summary>Lớp bồi dưỡng nhận thức về Đảng: ends in certificate CN-NTVĐ, the step to <c>Trained</c>.</summary>
    Awareness,
    /// <summary>Lớp bồi dưỡng lý luận chính trị cho đảng viên mới: compulsory during probation.</summary>
    NewMember,
}

public enum TrainingStatus
{
    Planned,
    Running,
    Finished,
}

/// <summary>Đạt / Không đạt.</summary>
public enum TrainingOutcome
{
    Passed,
    Failed,
}

/// <summary>Xếp loại of a student who passed.</summary>
public enum TrainingRating
{
    Excellent,
    Good,
    Average,
}

/// <summary>
/// A class run by an organiser (the district's political centre, usually) for a Party committee that owns it:
/// the committee enrols people of the cells below it and the organiser issues the certificates.
/// </summary>
public sealed class TrainingClass : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public TrainingKind Kind { get; set; }
    public required string Name { get; set; }
    /// <summary>The committee whose cells send students; its organisation department manages the class.</summary>
    public Guid OwnerId { get; set; }
    public Organisation? Owner { get; set; }
    /// <summary>The organiser when it is in the tree (a training centre); its name is kept either way.</summary>
    public Guid? OrganiserId { get; set; }
    /// <summary>The organiser as the certificate names it, e.g. "Trung tâm Chính trị quận Thanh Xuân".</summary>
    public required string OrganiserName { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public required string Place { get; set; }
    public TrainingStatus Status { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }

    public ICollection<TrainingSession> Sessions { get; } = [];
    public ICollection<TrainingEnrolment> Enrolments { get; } = [];
}

/// <summary>One session of the curriculum: a day and its topic.</summary>
public sealed class TrainingSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClassId { get; set; }
    public int Order { get; set; }
    public DateOnly Date { get; set; }
    public required string Topic { get; set; }
}

/// <summary>A person enrolled in a class, from a cell under the owning committee, with result and certificate.</summary>
public sealed class TrainingEnrolment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClassId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The cell that sent the person: it sees this enrolment.</summary>
    public Guid CellId { get; set; }
    public Organisation? Cell { get; set; }
    /// <summary>The person's open case, whose step the certificate records; none for a member admitted before Chibo.</summary>
    public Guid? CaseId { get; set; }
    public DateOnly EnrolledOn { get; set; }
    /// <summary>Điểm, on the 10-point scale.</summary>
    public decimal? Score { get; set; }
    public TrainingOutcome? Outcome { get; set; }
    public TrainingRating? Rating { get; set; }
    public string? CertificateNumber { get; set; }
    public DateOnly? CertificateDate { get; set; }
    /// <summary>The case step the certificate recorded, when there was a case to record it on.</summary>
    public Guid? CertificateStepId { get; set; }

    public ICollection<TrainingAttendance> Attendance { get; } = [];
}

/// <summary>Whether an enrolled person attended one session.</summary>
public sealed class TrainingAttendance
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EnrolmentId { get; set; }
    public Guid SessionId { get; set; }
    public bool Present { get; set; }
}
