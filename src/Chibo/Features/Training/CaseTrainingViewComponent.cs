using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Training;

/// <summary>One class a person was enrolled in, as the case file shows it.</summary>
public sealed record CaseTrainingLine(Guid ClassId, string ClassName, TrainingKind Kind, string Organiser, DateOnly StartsOn, DateOnly EndsOn, int Attended, int Sessions, TrainingEnrolment Enrolment);

/// <summary>
/// The case file's panel of the person's classes: attendance, result and certificate. The case file has
/// already checked that the reader may see this person, and audited the view.
/// </summary>
public sealed class CaseTrainingViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid personId)
    {
        var enrolments = await db.TrainingEnrolments.AsNoTracking()
            .Include(e => e.Attendance)
            .Where(e => e.PersonId == personId)
            .Join(db.TrainingClasses, e => e.ClassId, c => c.Id, (e, c) => new { Enrolment = e, c.Id, c.Name, c.Kind, c.OrganiserName, c.StartsOn, c.EndsOn, Sessions = c.Sessions.Count })
            .OrderByDescending(x => x.StartsOn)
            .ToListAsync();
        var lines = enrolments
            .Select(x => new CaseTrainingLine(x.Id, x.Name, x.Kind, x.OrganiserName, x.StartsOn, x.EndsOn, x.Enrolment.Attendance.Count(a => a.Present), x.Sessions, x.Enrolment))
            .ToList();
        return View("/Features/Training/_CaseTraining.cshtml", lines);
    }
}
