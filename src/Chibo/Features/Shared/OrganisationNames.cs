using Chibo.Data.Entities;

namespace Chibo.Features.Shared;

public static class OrganisationNames
{
    public static string Of(OrganisationKind kind) => kind switch
    {
        OrganisationKind.CityCommittee => "Thành ủy / Tỉnh ủy",
        OrganisationKind.DistrictCommittee => "Quận ủy / Huyện ủy",
        OrganisationKind.BlocCommittee => "Đảng ủy Khối",
        OrganisationKind.WardCommittee => "Đảng ủy phường / xã",
        OrganisationKind.GrassrootsCommittee => "Đảng ủy cơ sở",
        OrganisationKind.Cell => "Chi bộ",
        OrganisationKind.School => "Trường",
        OrganisationKind.SchoolClass => "Lớp",
        OrganisationKind.Department => "Phòng, ban, khoa",
        OrganisationKind.UnionSchool => "Đoàn trường",
        OrganisationKind.UnionCommittee => "Ban Chấp hành Đoàn trường",
        OrganisationKind.UnionBranch => "Chi đoàn",
        OrganisationKind.TrainingCentre => "Trung tâm Chính trị",
    };
}
