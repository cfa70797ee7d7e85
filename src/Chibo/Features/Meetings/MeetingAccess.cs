using Chibo.Access;
using Chibo.Data.Entities;
using Chibo.Features.Cases;

namespace Chibo.Features.Meetings;

/// <summary>Who keeps an organisation's minutes book and who may read it.</summary>
public static class MeetingAccess
{
    /// <summary>The cell committee keeps the cell's minutes.</summary>
    public static readonly Role[] PartyEditors = [Role.CellSecretary, Role.CellCommittee, Role.Administrator];

    /// <summary>A union body's minutes are kept by its secretaries, and the cell committee above may help.</summary>
    public static readonly Role[] UnionEditors = [Role.UnionSecretary, Role.BranchSecretary, Role.CellSecretary, Role.CellCommittee, Role.Administrator];

    public static readonly Role[] Readers = [.. StepPermissions.Readers, Role.PartyMember];

    public static bool IsParty(OrganisationKind kind) => kind == OrganisationKind.Cell;

    public static bool IsUnion(OrganisationKind kind) => kind is OrganisationKind.UnionBranch or OrganisationKind.UnionCommittee or OrganisationKind.UnionSchool;

    public static bool HoldsMinutes(OrganisationKind kind) => IsParty(kind) || IsUnion(kind);

    public static bool CanEdit(CurrentUser me, Organisation organisation) =>
        IsParty(organisation.Kind) ? me.Holds(organisation.Path, PartyEditors)
        : IsUnion(organisation.Kind) && me.Holds(organisation.Path, UnionEditors);

    public static bool CanRead(CurrentUser me, Organisation organisation) => me.Holds(organisation.Path, Readers);

    /// <summary>The meeting kinds an organisation holds.</summary>
    public static IReadOnlyList<MeetingKind> KindsFor(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Cell => [MeetingKind.Regular, MeetingKind.Thematic, MeetingKind.Extraordinary, MeetingKind.AdmissionCeremony],
        OrganisationKind.UnionBranch => [MeetingKind.UnionBranch],
        OrganisationKind.UnionCommittee or OrganisationKind.UnionSchool => [MeetingKind.UnionCommittee],
        _ => [],
    };
}
