using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Seeding;

/// <summary>
/// The district's classes as they stood on 05/3/2024. The awareness class of late February is over and its
/// results are in, but the political centre has not issued the certificates yet: its students are the demo
/// sympathizers listed before it began, none of whom has a certificate step, and issuing is left to the
/// demo's user. The new-member course of March is planned for the probationary members without the course.
/// Curriculum topics paraphrase the usual programme; dates, places and scores are the demo's choice.
/// </summary>
internal static class DemoTraining
{
    public const string AwarenessClassName = "Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2024";

    public const string NewMemberCourseName = "Lớp bồi dưỡng lý luận chính trị cho đảng viên mới khóa I năm 2024";

    private static readonly string[] AwarenessTopics =
    [
        "Chủ nghĩa Mác – Lênin, tư tưởng Hồ Chí Minh: nền tảng tư tưởng, kim chỉ nam cho hành động của Đảng",
        "Khái quát lịch sử Đảng Cộng sản Việt Nam",
        "Mục tiêu, con đường đi lên chủ nghĩa xã hội ở Việt Nam",
        "Tổ chức và hoạt động của Đảng theo Điều lệ Đảng",
        "Phấn đấu trở thành đảng viên Đảng Cộng sản Việt Nam",
    ];

    private static readonly string[] NewMemberTopics =
    [
        "Chủ nghĩa Mác – Lênin và tư tưởng Hồ Chí Minh",
        "Cương lĩnh chính trị và Điều lệ Đảng",
        "Nhiệm vụ, quyền và tiêu chuẩn của người đảng viên",
        "Rèn luyện bản lĩnh chính trị, đạo đức, lối sống của người đảng viên",
        "Xây dựng, chỉnh đốn Đảng; trách nhiệm của đảng viên trẻ",
    ];

    public static async Task WriteAsync(AppDbContext db, StoryHandles story, CancellationToken cancellationToken)
    {
        var centre = await db.Organisations.AsNoTracking()
            .SingleAsync(o => o.Kind == OrganisationKind.TrainingCentre && o.ParentId == story.District.Id, cancellationToken);
        var cells = db.Organisations.Where(o => o.Kind == OrganisationKind.Cell && o.Path.StartsWith(story.District.Path)).Select(o => o.Id);

        var awareness = Class(TrainingKind.Awareness, AwarenessClassName, story.District, centre, new DateOnly(2024, 2, 26), AwarenessTopics, TrainingStatus.Finished);
        // The steps first, as a list the cases are matched against: a correlated EXISTS per case made SQLite walk every
        // step of the kind for each case (15 s on the 100,000-student seed).
        var listed = db.CaseSteps.Where(s => s.Kind == EventKind.SympathizerListed && s.VoidedAt == null && s.Date < awareness.StartsOn).Select(s => s.CaseId);
        var listedBefore = await db.Cases.AsNoTracking()
            .Where(c => c.Stage == Stage.Sympathizer && cells.Contains(c.CellId) && listed.Contains(c.Id))
            .OrderBy(c => c.Person!.SearchName)
            .Select(c => new { c.Id, c.PersonId, c.CellId })
            .ToListAsync(cancellationToken);
        for (var i = 0; i < listedBefore.Count; i++)
        {
            var student = listedBefore[i];
            var enrolment = Enrol(awareness, student.PersonId, student.CellId, student.Id, new DateOnly(2024, 2, 19));
            // Everyone attends, but one student in seven misses the third session; all pass, the scores vary.
            foreach (var session in awareness.Sessions)
            {
                enrolment.Attendance.Add(new TrainingAttendance { SessionId = session.Id, Present = !(session.Order == 3 && i % 7 == 6) });
            }

            enrolment.Score = 7.0m + (i * 37 % 28 / 10m);
            enrolment.Outcome = TrainingOutcome.Passed;
            enrolment.Rating = enrolment.Score >= 9 ? TrainingRating.Excellent : enrolment.Score >= 7 ? TrainingRating.Good : TrainingRating.Average;
        }

        var course = Class(TrainingKind.NewMember, NewMemberCourseName, story.District, centre, new DateOnly(2024, 3, 18), NewMemberTopics, TrainingStatus.Planned);
        var today = DemoSeeder.StoryDate;
        var coursed = db.CaseSteps.Where(s => s.Kind == EventKind.NewMemberCourse && s.VoidedAt == null)
            .Join(db.Cases, s => s.CaseId, c => c.Id, (s, c) => c.PersonId);
        var probationary = await db.Memberships.AsNoTracking()
            .Where(m => m.EndedOn == null && (m.OfficialFrom == null || m.OfficialFrom > today) && cells.Contains(m.CellId))
            .Where(m => !coursed.Contains(m.PersonId))
            .OrderBy(m => m.Person!.SearchName)
            .Select(m => new { m.PersonId, m.CellId, CaseId = db.Cases.Where(c => c.PersonId == m.PersonId && c.Stage == Stage.Probationary).Select(c => (Guid?)c.Id).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        foreach (var member in probationary)
        {
            Enrol(course, member.PersonId, member.CellId, member.CaseId, new DateOnly(2024, 3, 4));
        }

        db.TrainingClasses.AddRange(awareness, course);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static TrainingClass Class(TrainingKind kind, string name, Organisation owner, Organisation centre, DateOnly starts, string[] topics, TrainingStatus status)
    {
        var training = new TrainingClass
        {
            Kind = kind,
            Name = name,
            OwnerId = owner.Id,
            OrganiserId = centre.Id,
            OrganiserName = centre.Name,
            StartsOn = starts,
            EndsOn = starts.AddDays(topics.Length - 1),
            Place = $"Hội trường {centre.Name}",
            Status = status,
            CreatedBy = "Chibo (dữ liệu mẫu)",
        };
        for (var i = 0; i < topics.Length; i++)
        {
            training.Sessions.Add(new TrainingSession { Order = i + 1, Date = starts.AddDays(i), Topic = topics[i] });
        }

        return training;
    }

    private static TrainingEnrolment Enrol(TrainingClass training, Guid personId, Guid cellId, Guid? caseId, DateOnly on)
    {
        var enrolment = new TrainingEnrolment { PersonId = personId, CellId = cellId, CaseId = caseId, EnrolledOn = on };
        training.Enrolments.Add(enrolment);
        return enrolment;
    }
}
