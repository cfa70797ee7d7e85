using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Features.Reminders;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Seeding;

/// <param name="Students">How many students in all; the first school holds up to <see cref="DemoSeeder.StudentsPerSchool"/>.</param>
/// <param name="Seed">The generator's seed: the same seed gives the same people, names and scores.</param>
public sealed record DemoOptions(int Students, int Seed)
{
    public static DemoOptions Default { get; } = new(1_500, 20240305);
}

/// <summary>A demo sign-in account: one per role, each tied to a person of the story where there is one.</summary>
public sealed record DemoAccount(string UserName, Role Role, string Description);

/// <summary>
/// The demo installation: the organisations and people of the Hanoi Medical College cell's thematic
/// meeting of 05/3/2024, as they stood that day, inside a deterministic synthetic school (and more
/// schools when more students are asked for). Everything is written in one transaction.
/// </summary>
public static class DemoSeeder
{
    public const int StudentsPerSchool = 1_500;
    public const string DemoPassword = "ChiboDemo2024";

    /// <summary>The day the story stands on: the thematic meeting.</summary>
    public static readonly DateOnly StoryDate = new(2024, 3, 5);

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("admin", Role.Administrator, "Quản trị hệ thống"),
        new("bantochuc", Role.OrganisationDepartment, "Nguyễn Thu Hà — Phó Trưởng Ban Tổ chức Quận ủy Thanh Xuân"),
        new("bithu", Role.CellSecretary, "Lê Ngọc Biên — Bí thư Chi bộ Trường Cao đẳng Y Hà Nội"),
        new("chiuy", Role.CellCommittee, "Phó Bí thư Chi bộ (chi ủy)"),
        new("dangvien", Role.PartyMember, "Đảng viên chính thức của Chi bộ"),
        new("doantruong", Role.UnionSecretary, "Phạm Thúy Hường — Bí thư Đoàn trường"),
        new("chidoan", Role.BranchSecretary, "Bí thư Chi đoàn K23N3"),
        new("ctsv", Role.StudentAffairs, "Cán bộ Phòng Công tác HSSV"),
        new("gvcn", Role.HomeroomTeacher, "Giáo viên chủ nhiệm lớp K23N3"),
        new("sinhvien", Role.Student, "Sinh viên lớp K23N3, quần chúng ưu tú"),
        new("bientap", Role.Editor, "Biên tập viên cổng thông tin của Chi bộ"),
    ];

    public static async Task SeedAsync(IServiceProvider services, DemoOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var users = services.GetRequiredService<UserManager<ChiboUser>>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var world = new DemoWorld(options, progress);
            var story = world.BuildStory();
            var load = await BulkLoad.SuspendIndexesAsync(db, cancellationToken);
            await world.WriteAsync(new BulkWriter(db), cancellationToken);
            await load.RestoreAsync(cancellationToken);
            await DemoMeetings.WriteAsync(db, story, cancellationToken);
            await DemoTraining.WriteAsync(db, story, cancellationToken);
            await DemoNews.WriteAsync(db, story, cancellationToken);
            await DemoTargets.WriteAsync(db, story, cancellationToken);
            await CreateAccountsAsync(db, users, story);
            await AddInspectionAsync(db, story, cancellationToken);
            // The story day's reminders, as the daily job finds them: the demo opens with a few notifications.
            await services.GetRequiredService<SendReminders>().RunAsync(StoryDate, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        await DatabaseSetup.RefreshSqliteStatisticsAsync(db, cancellationToken);
    }

    /// <summary>The district's organisation department inspected the cell a week before the story day.</summary>
    private static async Task AddInspectionAsync(AppDbContext db, StoryHandles story, CancellationToken cancellationToken)
    {
        var inspection = new InspectionRecord
        {
            OrganisationId = story.Cell.Id,
            InspectedOn = new DateOnly(2024, 2, 27),
            Inspectors = $"Ban Tổ chức Quận ủy Thanh Xuân: {story.OrganisationDepartmentDeputy.FullName}",
            Findings = "Chi bộ lập đủ danh sách cảm tình Đảng và phân công đảng viên giúp đỡ; một số hồ sơ đang làm có giấy giới thiệu và nhận xét đã gần 12 tháng, cần xét kịp thời hoặc làm lại.",
            CreatedBy = story.OrganisationDepartmentDeputy.FullName,
            CreatedAt = new DateTime(2024, 2, 27, 9, 0, 0, DateTimeKind.Utc),
        };
        inspection.Corrections.Add(new InspectionTask
        {
            Description = "Rà soát các hồ sơ có giấy giới thiệu, nhận xét sắp quá 12 tháng; báo cáo Ban Tổ chức Quận ủy",
            OwnerPersonId = story.CellSecretary.Id,
            DueOn = new DateOnly(2024, 3, 29),
        });
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task CreateAccountsAsync(AppDbContext db, UserManager<ChiboUser> users, StoryHandles story)
    {
        foreach (var account in Accounts)
        {
            var (person, scope) = account.Role switch
            {
                Role.Administrator => ((Person?)null, (Organisation?)null),
                Role.OrganisationDepartment => (story.OrganisationDepartmentDeputy, story.District),
                Role.CellSecretary => (story.CellSecretary, story.Cell),
                Role.CellCommittee => (story.CellDeputy, story.Cell),
                Role.PartyMember => (story.OrdinaryMember, story.Cell),
                Role.UnionSecretary => (story.UnionSecretary, story.UnionSchool),
                Role.BranchSecretary => (story.BranchSecretary, story.Branch),
                Role.StudentAffairs => (story.StudentAffairsOfficer, story.School),
                Role.HomeroomTeacher => (story.HomeroomTeacher, story.Class),
                Role.Student => (story.Candidate, story.Class),
                Role.Editor => (story.CellDeputy, story.Cell),
            };

            var user = new ChiboUser { UserName = account.UserName, DisplayName = person?.FullName ?? account.Description, PersonId = person?.Id };
            var result = await users.CreateAsync(user, DemoPassword);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.UserName}: {string.Join("; ", result.Errors.Select(e => e.Code))}");
            }

            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = account.Role, OrganisationId = scope?.Id });
        }

        await db.SaveChangesAsync();
    }
}
