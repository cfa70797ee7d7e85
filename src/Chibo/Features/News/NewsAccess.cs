using Chibo.Access;
using Chibo.Data.Entities;

namespace Chibo.Features.News;

/// <summary>Who writes an organisation's news and who publishes it: held over the organisation or above.</summary>
public static class NewsAccess
{
    public static readonly Role[] Approvers = [Role.CellSecretary, Role.CellCommittee, Role.OrganisationDepartment, Role.Administrator];

    public static readonly Role[] Writers = [Role.Editor, .. Approvers];

    /// <summary>The organisations that have a page and news on the portal: Party bodies and the school's union.</summary>
    public static readonly OrganisationKind[] PortalKinds =
    [
        OrganisationKind.CityCommittee, OrganisationKind.DistrictCommittee, OrganisationKind.BlocCommittee, OrganisationKind.WardCommittee,
        OrganisationKind.GrassrootsCommittee, OrganisationKind.Cell, OrganisationKind.UnionSchool,
    ];

    public static bool CanWrite(CurrentUser me, Organisation organisation) => me.Holds(organisation.Path, Writers);

    public static bool CanApprove(CurrentUser me, Organisation organisation) => me.Holds(organisation.Path, Approvers);
}
