namespace Chibo.Data.Entities;

/// <summary>
/// The last number given by one issuing body to one document type (NQ, QĐ, BB, BC…) in one year. Only ever
/// raised by one UPDATE inside the transaction that issues the document, so two issues never share a number.
/// </summary>
public sealed class NumberCounter
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public required string Symbol { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}

/// <summary>A document entered in an issuing body's register (sổ đăng ký văn bản) with the number it took.</summary>
public sealed class IssuedDocument
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string Symbol { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    /// <summary>Number and symbol as printed after "Số", e.g. "05-NQ/CB".</summary>
    public required string Number { get; set; }
    /// <summary>The form's code (6-KNĐ, DS-CTĐ…) or "BB" for minutes.</summary>
    public required string FormCode { get; set; }
    public required string Title { get; set; }
    /// <summary>The document's own date, as printed in its place and date line.</summary>
    public DateOnly Date { get; set; }
    public Guid? CaseId { get; set; }
    public Guid? MeetingId { get; set; }
    public required string IssuedBy { get; set; }
    public DateTime IssuedAt { get; set; }
}
