using Chibo.Data.Entities;
using Chibo.Domain.Dossiers;

namespace Chibo.Features.Cases;

/// <summary>
/// Who records which step, held over the case's cell or above: the union introduces, the cell committee
/// decides the cell's steps, the superior committee's organisation department records its decisions.
/// </summary>
public static class StepPermissions
{
    private static readonly Role[] CellCommittee = [Role.CellSecretary, Role.CellCommittee, Role.Administrator];
    private static readonly Role[] Union = [Role.UnionSecretary, Role.CellSecretary, Role.CellCommittee, Role.Administrator];
    private static readonly Role[] Proposers = [Role.HomeroomTeacher, Role.BranchSecretary, Role.UnionSecretary, Role.StudentAffairs, Role.CellSecretary, Role.CellCommittee, Role.Administrator];
    private static readonly Role[] Superior = [Role.OrganisationDepartment, Role.Administrator];
    // The political centre under the superior committee issues the course certificates; its organisation department records them.
    private static readonly Role[] CellCommitteeOrSuperior = [Role.CellSecretary, Role.CellCommittee, Role.OrganisationDepartment, Role.Administrator];

    public static IReadOnlyList<Role> WhoRecords(EventKind step) => step switch
    {
        EventKind.SourceListed => Proposers,
        EventKind.UnionIntroduced or EventKind.UnionResolution => Union,
        EventKind.CommitteeResolution or EventKind.AdmissionDecision
            or EventKind.RecognitionCommitteeResolution or EventKind.RecognitionDecision => Superior,
        EventKind.AwarenessCertificate or EventKind.NewMemberCourse => CellCommitteeOrSuperior,
        EventKind.SympathizerListed or EventKind.HelperAssigned or EventKind.Application
            or EventKind.BackgroundForm or EventKind.BackgroundVerified or EventKind.Introduction or EventKind.OpinionsSummary
            or EventKind.CellResolution or EventKind.Ceremony or EventKind.SelfReview
            or EventKind.HelperComment or EventKind.ProbationOpinions or EventKind.RecognitionResolution
            or EventKind.RemovedFromProbation or EventKind.Withdrawn => CellCommittee,
    };

    /// <summary>Roles that may read a case file of a cell they hold the role over.</summary>
    public static readonly Role[] Readers =
    [
        Role.Administrator, Role.OrganisationDepartment, Role.CellSecretary, Role.CellCommittee, Role.UnionSecretary,
        Role.BranchSecretary, Role.StudentAffairs, Role.HomeroomTeacher,
    ];
}
