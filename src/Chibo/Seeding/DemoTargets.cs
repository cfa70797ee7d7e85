using Chibo.Data;
using Chibo.Data.Entities;

namespace Chibo.Seeding;

/// <summary>
/// The demo's admission targets for the story year: the district sets 15 and gives the bloc committee 10; the bloc
/// gives the article's cell 4, one a quarter. On 05/3/2024 the dashboards show how far each is from its target
/// and how much the committees have not yet split.
/// </summary>
internal static class DemoTargets
{
    public static async Task WriteAsync(AppDbContext db, StoryHandles story, CancellationToken cancellationToken)
    {
        var year = DemoSeeder.StoryDate.Year;
        db.AdmissionTargets.Add(new AdmissionTarget { OrganisationId = story.District.Id, Year = year, Total = 15 });
        if (story.Cell.ParentId is { } bloc && bloc != story.District.Id)
        {
            db.AdmissionTargets.Add(new AdmissionTarget { OrganisationId = bloc, Year = year, Total = 10 });
        }

        db.AdmissionTargets.Add(new AdmissionTarget
        {
            OrganisationId = story.Cell.Id, Year = year, Total = 4, Quarter1 = 1, Quarter2 = 1, Quarter3 = 1, Quarter4 = 1,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
