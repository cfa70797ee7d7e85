namespace Chibo.Data.Entities;

/// <summary>An inspection (kiểm tra, giám sát) of a cell: who inspected it when, what was found, what must be corrected.</summary>
public sealed class InspectionRecord : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The cell inspected.</summary>
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public DateOnly InspectedOn { get; set; }
    /// <summary>Who inspected, as the record names them ("Ban Tổ chức Quận ủy: Nguyễn Thu Hà").</summary>
    public required string Inspectors { get; set; }
    public required string Findings { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    public ICollection<InspectionTask> Corrections { get; } = [];
}

/// <summary>A correction an inspection requires: a task with an owner and a due date, closed when done.</summary>
public sealed class InspectionTask : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InspectionId { get; set; }
    public InspectionRecord? Inspection { get; set; }
    public required string Description { get; set; }
    public Guid OwnerPersonId { get; set; }
    public Person? OwnerPerson { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? ClosedNote { get; set; }
    public int Version { get; set; }
}
