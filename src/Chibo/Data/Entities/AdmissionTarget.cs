namespace Chibo.Data.Entities;

/// <summary>
/// Chỉ tiêu kết nạp: how many new members an organisation means to admit in a year, and optionally per
/// quarter. A committee's own row is its total; the rows of the organisations below it are its split.
/// </summary>
public sealed class AdmissionTarget : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int Year { get; set; }
    public int Total { get; set; }
    public int? Quarter1 { get; set; }
    public int? Quarter2 { get; set; }
    public int? Quarter3 { get; set; }
    public int? Quarter4 { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }

    public int?[] Quarters => [Quarter1, Quarter2, Quarter3, Quarter4];
}
