namespace Chibo.Data.Entities;

public enum Gender
{
    Male,
    Female,
}

/// <summary>Anyone Chibo knows: students, staff, members, guests. Personal data: never logged.</summary>
public sealed class Person : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string FullName { get; set; }
    /// <summary>The name folded for search: lower case, no diacritics, đ → d.</summary>
    public string SearchName { get; set; } = "";
    public DateOnly? DateOfBirth { get; set; }
    public Gender Gender { get; set; }
    public string? Ethnicity { get; set; }
    public string? Religion { get; set; }
    public string? NationalId { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Hometown { get; set; }
    public string? Residence { get; set; }
    /// <summary>General education as "grade/12" ("9/12" is lower secondary).</summary>
    public string? Education { get; set; }
    /// <summary>Academic title shown before the name (TS., ThS., GS.TS.).</summary>
    public string? AcademicTitle { get; set; }
    public string? StudentCode { get; set; }
    /// <summary>The unit the person belongs to: a class for a student, a department for staff.</summary>
    public Guid? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    /// <summary>The Youth Union class branch (chi đoàn) of a union member.</summary>
    public Guid? UnionBranchId { get; set; }
    public bool IsYouthUnionMember { get; set; }
    public DateOnly? YouthUnionJoinedOn { get; set; }
    public int Version { get; set; }

    public ICollection<StudentTerm> Terms { get; } = [];
    public ICollection<Position> Positions { get; } = [];
}
