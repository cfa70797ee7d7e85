namespace Chibo.Data.Entities;

/// <summary>How far an open task has got, as the last follow-up said.</summary>
public enum TaskProgress
{
    NotStarted,
    InProgress,
    /// <summary>Gặp vướng mắc: the owner needs the cell's help.</summary>
    Stuck,
}

/// <summary>A task a conclusion assigned: who, by when, and what counts as done.</summary>
public sealed class MeetingTask : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public Guid? AgendaItemId { get; set; }
    public required string Description { get; set; }
    public Guid? OwnerPersonId { get; set; }
    /// <summary>The owner as the minutes name them: a person or a body ("Ban Chấp hành Đoàn trường").</summary>
    public required string Owner { get; set; }
    /// <summary>The due date now; the minutes keep the first one in the follow-up history.</summary>
    public DateOnly? DueOn { get; set; }
    public string? DoneWhen { get; set; }
    public TaskProgress Progress { get; set; }
    public DateOnly? ClosedOn { get; set; }
    /// <summary>What was done, said when the task is closed.</summary>
    public string? ClosedNote { get; set; }
    public int Version { get; set; }

    public ICollection<MeetingTaskFollowUp> FollowUps { get; } = [];
}

/// <summary>One follow-up of a task: who looked at it when, what they found, and what changed.</summary>
public sealed class MeetingTaskFollowUp
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TaskId { get; set; }
    public DateOnly On { get; set; }
    public required string By { get; set; }
    public required string Note { get; set; }
    public TaskProgress? NewProgress { get; set; }
    public DateOnly? NewDueOn { get; set; }
    /// <summary>The follow-up that closed the task; its note says what was done.</summary>
    public bool Closes { get; set; }
    public DateTime RecordedAt { get; set; }
}
