namespace Chibo.Data.Entities;

public enum DocumentStatus
{
    Missing,
    Received,
    Checked,
}

/// <summary>
/// A paper of a case's checklist (1-KNĐ, 2-KNĐ, the certificate…): whether it was received and checked,
/// and its scan when one was uploaded.
/// </summary>
public sealed class CaseDocument : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    /// <summary>The form's code, e.g. "1-KNĐ"; the catalogue says what it is.</summary>
    public required string FormCode { get; set; }
    public DocumentStatus Status { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public DateOnly? CheckedOn { get; set; }
    public string? CheckedBy { get; set; }
    public Guid? FileId { get; set; }
    public string? FileName { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// An uploaded file, kept in the database so that every instance serves it and backups include it.
/// Never served from the web root; its type was checked by its content when it came in.
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string ContentType { get; set; }
    public long Size { get; set; }
    /// <summary>SHA-256 of the content, hex.</summary>
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
}

public enum CorrectionStatus
{
    Open,
    Done,
    Declined,
}

/// <summary>A person's request to correct what Chibo holds about them (Decree 13/2023/NĐ-CP).</summary>
public sealed class CorrectionRequest : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public required string RequestedByUserId { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
    public CorrectionStatus Status { get; set; }
    public string? Response { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public int Version { get; set; }
}

/// <summary>An observation on a case by someone who knows the candidate: a homeroom teacher, the union, a member.</summary>
public sealed class CaseComment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public required string AuthorUserId { get; set; }
    public required string Author { get; set; }
    /// <summary>The author's role when writing, in Vietnamese (e.g. "Giáo viên chủ nhiệm").</summary>
    public required string AuthorRole { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
}
