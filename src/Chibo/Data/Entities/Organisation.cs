namespace Chibo.Data.Entities;

/// <summary>What an organisation is. Stored as a string, so new kinds never renumber old rows.</summary>
public enum OrganisationKind
{
    /// <summary>Thành ủy / Tỉnh ủy.</summary>
    CityCommittee,
    /// <summary>Quận ủy / Huyện ủy (abolished on 01/7/2025 in Hanoi, kept for history).</summary>
    DistrictCommittee,
    /// <summary>Đảng ủy Khối (Doanh nghiệp, Cơ quan…).</summary>
    BlocCommittee,
    /// <summary>Đảng ủy phường / xã.</summary>
    WardCommittee,
    /// <summary>Đảng ủy cơ sở.</summary>
    GrassrootsCommittee,
    /// <summary>Chi bộ (grassroots or under a grassroots committee, see <see cref="Organisation.IsGrassroots"/>).</summary>
    Cell,
    /// <summary>Trường.</summary>
    School,
    /// <summary>Lớp.</summary>
    SchoolClass,
    /// <summary>Phòng, ban, khoa (e.g. Phòng Công tác HSSV).</summary>
    Department,
    /// <summary>Đoàn trường (the school's Youth Union).</summary>
    UnionSchool,
    /// <summary>Ban Chấp hành Đoàn trường.</summary>
    UnionCommittee,
    /// <summary>Chi đoàn (a class branch such as K23N3).</summary>
    UnionBranch,
    /// <summary>Trung tâm Chính trị: runs the awareness classes.</summary>
    TrainingCentre,
}

/// <summary>
/// A node of the one organisation tree: Party committees, cells, schools, Youth Union bodies.
/// The parent is data, so the tree can be re-parented when the administrative map changes.
/// </summary>
public sealed class Organisation : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// <summary>Short name used in document symbols and lists (e.g. "CB Trường CĐ Y HN").</summary>
    public string? ShortName { get; set; }
    public OrganisationKind Kind { get; set; }
    /// <summary>A cell that is itself the grassroots organisation (chi bộ cơ sở).</summary>
    public bool IsGrassroots { get; set; }
    public Guid? ParentId { get; set; }
    public Organisation? Parent { get; set; }
    /// <summary>Materialised path of ids from the root, "/a/b/c/", so a subtree is one prefix query.</summary>
    public string Path { get; set; } = "/";
    /// <summary>A local students' guidance (a <c>StudentPolicy</c> as JSON) for the cells below; null = none.</summary>
    public string? StudentPolicyJson { get; set; }
    public DateOnly? EstablishedOn { get; set; }
    public DateOnly? DissolvedOn { get; set; }
    public int Version { get; set; }

    public static string PathOf(Organisation? parent, Guid id) => (parent?.Path ?? "/") + id.ToString("N") + "/";
}
