namespace Chibo.Data.Entities;

/// <summary>
/// An organisation's criteria sheet for scoring meetings (phiếu chấm điểm sinh hoạt chi bộ). The organisations
/// below inherit it unless they keep their own; with none on the path, the sheet shipped with Chibo applies.
/// The criteria and bands are one JSON document (<c>ScoreSheetContent</c>), edited and versioned as a whole.
/// </summary>
public sealed class ScoreSheet : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string Name { get; set; }
    public required string ContentJson { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A meeting's score by the cell committee. The lines copy each criterion and its maximum, so a later edit of
/// the sheet never changes a score already given.
/// </summary>
public sealed class MeetingScore
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    /// <summary>The sheet used, as it was named then, and whose it was ("Đảng ủy Khối…", or Chibo's default).</summary>
    public required string SheetName { get; set; }
    public int Total { get; set; }
    public int Maximum { get; set; }
    public required string Band { get; set; }
    public string? Comment { get; set; }
    public required string ScoredBy { get; set; }
    public DateTime ScoredAt { get; set; }

    public ICollection<MeetingScoreLine> Lines { get; } = [];
}

public sealed class MeetingScoreLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ScoreId { get; set; }
    public int Order { get; set; }
    public required string Criterion { get; set; }
    public int Maximum { get; set; }
    public int Points { get; set; }
}
