using Chibo.Data.Entities;

namespace Chibo.Features.Shared;

public static class RoleNames
{
    public static string Of(Role role) => role switch
    {
        Role.Administrator => "Quản trị hệ thống",
        Role.OrganisationDepartment => "Ban Tổ chức cấp ủy",
        Role.CellSecretary => "Bí thư chi bộ",
        Role.CellCommittee => "Chi ủy viên",
        Role.PartyMember => "Đảng viên",
        Role.UnionSecretary => "Bí thư Đoàn trường",
        Role.BranchSecretary => "Bí thư chi đoàn",
        Role.StudentAffairs => "Cán bộ công tác HSSV",
        Role.HomeroomTeacher => "Giáo viên chủ nhiệm",
        Role.Student => "Sinh viên",
        Role.Editor => "Biên tập viên",
    };
}
