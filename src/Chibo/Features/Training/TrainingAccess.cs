using Chibo.Access;
using Chibo.Data.Entities;

namespace Chibo.Features.Training;

/// <summary>
/// Who may do what with a class: the owning committee's organisation department manages it; a cell committee
/// reads the enrolments of its own people, and only those.
/// </summary>
public static class TrainingAccess
{
    public static readonly Role[] Managers = [Role.OrganisationDepartment, Role.Administrator];

    public static readonly Role[] CellReaders = [Role.CellSecretary, Role.CellCommittee];

    /// <summary>Organisations that can own a class: Party committees above the cells.</summary>
    public static readonly OrganisationKind[] OwnerKinds =
    [
        OrganisationKind.CityCommittee, OrganisationKind.DistrictCommittee, OrganisationKind.BlocCommittee,
        OrganisationKind.WardCommittee, OrganisationKind.GrassrootsCommittee,
    ];

    public static bool CanManage(CurrentUser me, Organisation owner) => me.Holds(owner.Path, Managers);

    /// <summary>Subtree roots whose cells' enrolments the user may read (managers read through <see cref="CanManage"/>).</summary>
    public static IReadOnlyList<string?> CellScopes(CurrentUser me) => me.PathsFor([.. Managers, .. CellReaders]);

    public static bool SeesTraining(CurrentUser me) => me.Grants.Any(g => Managers.Contains(g.Role) || CellReaders.Contains(g.Role));
}

/// <summary>Vietnamese names of training values.</summary>
public static class TrainingLabels
{
    public static string Of(TrainingKind kind) => kind switch
    {
        TrainingKind.Awareness => "Lớp bồi dưỡng nhận thức về Đảng",
        TrainingKind.NewMember => "Lớp bồi dưỡng lý luận chính trị cho đảng viên mới",
    };

    /// <summary>Who a class is for.</summary>
    public static string StudentsOf(TrainingKind kind) => kind switch
    {
        TrainingKind.Awareness => "quần chúng cảm tình Đảng",
        TrainingKind.NewMember => "đảng viên dự bị",
    };

    public static string Of(TrainingStatus status) => status switch
    {
        TrainingStatus.Planned => "Dự kiến",
        TrainingStatus.Running => "Đang học",
        TrainingStatus.Finished => "Đã kết thúc",
    };

    public static string Of(TrainingOutcome? outcome) => outcome switch
    {
        TrainingOutcome.Passed => "Đạt",
        TrainingOutcome.Failed => "Không đạt",
        null => "",
    };

    public static string Of(TrainingRating? rating) => rating switch
    {
        TrainingRating.Excellent => "Giỏi",
        TrainingRating.Good => "Khá",
        TrainingRating.Average => "Trung bình",
        null => "",
    };

    /// <summary>The certificate's form: CN-NTVĐ for the awareness class; the new-member course has no KNĐ form code.</summary>
    public static string? FormOf(TrainingKind kind) =>
        kind == TrainingKind.Awareness ? Domain.Cases.FormCatalogue.For(Domain.Dossiers.EventKind.AwarenessCertificate)?.Code : null;

    public static Domain.Dossiers.EventKind StepOf(TrainingKind kind) => kind switch
    {
        TrainingKind.Awareness => Domain.Dossiers.EventKind.AwarenessCertificate,
        TrainingKind.NewMember => Domain.Dossiers.EventKind.NewMemberCourse,
    };
}

public static class TrainingErrors
{
    public const string NotFound = "NOT-FOUND";
    public const string Forbidden = "FORBIDDEN";
    public const string Conflict = "TRAINING-CONFLICT";
}
