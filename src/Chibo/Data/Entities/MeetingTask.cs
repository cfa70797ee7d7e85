namespace Chibo.Data.Entities;

/// <summary>A task a conclusion assigned: who, by when, and what counts as done.</summary>
public sealed class MeetingTask
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public Guid? AgendaItemId { get; set; }
    public required string Description { get; set; }
    public Guid? OwnerPersonId { get; set; }
    /// <summary>The owner as the minutes name them: a person or a body ("Ban Chấp hành Đoàn trường").</summary>
    public required string Owner { get; set; }
    public DateOnly? DueOn { get; set; }
    public string? DoneWhen { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? ClosedNote { get; set; }
}
