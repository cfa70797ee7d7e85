namespace Chibo.Domain.Dossiers;

/// <summary>The steps a <c>chibo-dossier/1</c> file records, in the order they normally happen.</summary>
public enum EventKind
{
    SourceListed,
    UnionIntroduced,
    SympathizerListed,
    HelperAssigned,
    AwarenessCertificate,
    Application,
    BackgroundForm,
    BackgroundVerified,
    UnionResolution,
    Introduction,
    OpinionsSummary,
    CellResolution,
    CommitteeResolution,
    AdmissionDecision,
    Ceremony,
    NewMemberCourse,
    SelfReview,
    HelperComment,
    ProbationOpinions,
    RecognitionResolution,
    RecognitionCommitteeResolution,
    RecognitionDecision,
    RemovedFromProbation,
    Withdrawn,
}

/// <summary>One dated step of a dossier. Fields that a kind does not carry stay null/false.</summary>
public sealed record DossierEvent(EventKind Kind, DateOnly Date)
{
    /// <summary>Position in the file, so messages can point at <c>$.events[i]</c>.</summary>
    public int Index { get; init; }

    public string? Member { get; init; }

    public string? Number { get; init; }

    public string? Issuer { get; init; }

    public int VotesFor { get; init; }

    /// <summary><c>officialMembers</c> or <c>committeeMembers</c>: who may vote.</summary>
    public int Voters { get; init; }

    public DateOnly? Received { get; init; }

    public bool Extended { get; init; }

    public bool Replacement { get; init; }

    public bool DelayApproved { get; init; }
}

public sealed record DossierCell(string Name, bool IsGrassroots);

public sealed record DossierApplicant(
    string FullName,
    DateOnly DateOfBirth,
    string? Gender,
    string Education,
    int EducationGrade,
    bool YouthUnionMember,
    bool Over60Approved);

public sealed record DossierMember(string Id, string FullName, DateOnly? OfficialSince, DateOnly? KnownApplicantSince);

/// <summary>A read, validated <c>chibo-dossier/1</c> file. Events are sorted by date (stable; ties keep the normal order).</summary>
public sealed record Dossier(
    DateOnly AsOf,
    DossierCell Cell,
    DossierApplicant Applicant,
    IReadOnlyList<DossierMember> Members,
    IReadOnlyList<DossierEvent> Events,
    IReadOnlyList<DateOnly> ExtraHolidays,
    IReadOnlyList<DateOnly> ExtraWorkdays)
{
    public const string Format = "chibo-dossier/1";

    public DossierMember? FindMember(string? id)
    {
        if (id is null)
        {
            return null;
        }

        foreach (var member in Members)
        {
            if (member.Id == id)
            {
                return member;
            }
        }

        return null;
    }
}

public static class EventKinds
{
    private static readonly string[] Names =
    [
        "source-listed", "union-introduced", "sympathizer-listed", "helper-assigned", "awareness-certificate",
        "application", "background-form", "background-verified", "union-resolution", "introduction",
        "opinions-summary", "cell-resolution", "committee-resolution", "admission-decision", "ceremony",
        "new-member-course", "self-review", "helper-comment", "probation-opinions", "recognition-resolution",
        "recognition-committee-resolution", "recognition-decision", "removed-from-probation", "withdrawn",
    ];

    private static readonly Dictionary<string, EventKind> ByName =
        Names.Select((name, i) => (name, kind: (EventKind)i)).ToDictionary(p => p.name, p => p.kind, StringComparer.Ordinal);

    /// <summary>The file's spelling of the kind, e.g. <c>cell-resolution</c>.</summary>
    public static string ToFileName(this EventKind kind) => Names[(int)kind];

    public static bool TryParse(string name, out EventKind kind) => ByName.TryGetValue(name, out kind);

    /// <summary>The Vietnamese name of the step (with its form where there is one).</summary>
    public static string ToVietnamese(this EventKind kind) => kind switch
    {
        EventKind.SourceListed => "đưa vào nguồn",
        EventKind.UnionIntroduced => "Đoàn giới thiệu quần chúng ưu tú",
        EventKind.SympathizerListed => "chi bộ đưa vào danh sách cảm tình Đảng",
        EventKind.HelperAssigned => "phân công đảng viên giúp đỡ",
        EventKind.AwarenessCertificate => "giấy chứng nhận học lớp nhận thức về Đảng",
        EventKind.Application => "đơn xin vào Đảng (1-KNĐ)",
        EventKind.BackgroundForm => "lý lịch của người xin vào Đảng (2-KNĐ)",
        EventKind.BackgroundVerified => "thẩm tra lý lịch",
        EventKind.UnionResolution => "nghị quyết giới thiệu của Đoàn (4-KNĐ)",
        EventKind.Introduction => "giấy giới thiệu của đảng viên (3-KNĐ/3A-KNĐ)",
        EventKind.OpinionsSummary => "tổng hợp ý kiến nhận xét (5-KNĐ)",
        EventKind.CellResolution => "nghị quyết chi bộ đề nghị kết nạp (6-KNĐ)",
        EventKind.CommitteeResolution => "nghị quyết đảng ủy cơ sở đề nghị kết nạp (8-KNĐ)",
        EventKind.AdmissionDecision => "quyết định kết nạp (9-KNĐ)",
        EventKind.Ceremony => "lễ kết nạp",
        EventKind.NewMemberCourse => "lớp bồi dưỡng đảng viên mới",
        EventKind.SelfReview => "bản tự kiểm điểm (10-KNĐ)",
        EventKind.HelperComment => "bản nhận xét của đảng viên giúp đỡ (11-KNĐ)",
        EventKind.ProbationOpinions => "tổng hợp ý kiến nhận xét đảng viên dự bị (12-KNĐ)",
        EventKind.RecognitionResolution => "nghị quyết chi bộ đề nghị công nhận chính thức (13-KNĐ)",
        EventKind.RecognitionCommitteeResolution => "nghị quyết đảng ủy cơ sở đề nghị công nhận chính thức (15-KNĐ)",
        EventKind.RecognitionDecision => "quyết định công nhận đảng viên chính thức",
        EventKind.RemovedFromProbation => "xóa tên khỏi danh sách đảng viên dự bị",
        EventKind.Withdrawn => "rút hồ sơ",
    };
}
