namespace Chibo.Data.Entities;

/// <summary>Xếp loại học tập.</summary>
public enum LearningRank
{
    Excellent,
    VeryGood,
    Good,
    Average,
    Weak,
}

/// <summary>Xếp loại đoàn viên.</summary>
public enum UnionRating
{
    Outstanding,
    Good,
    Completed,
    NotCompleted,
}

/// <summary>One term of a student: grades, conduct score, Youth Union rating.</summary>
public sealed class StudentTerm
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    /// <summary>The school year by its first calendar year: 2023 is 2023–2024.</summary>
    public int SchoolYear { get; set; }
    /// <summary>1 or 2.</summary>
    public int Semester { get; set; }
    /// <summary>Grade point average on <see cref="GpaScale"/> (4 or 10).</summary>
    public decimal Gpa { get; set; }
    public int GpaScale { get; set; } = 4;
    public LearningRank Learning { get; set; }
    /// <summary>Điểm rèn luyện, 0–100.</summary>
    public int ConductScore { get; set; }
    public UnionRating? UnionRating { get; set; }
}
