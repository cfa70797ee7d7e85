using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Home;

/// <summary>One thing to do next, with where it is done.</summary>
public sealed record NextStep(string Text, string Link);

/// <summary>
/// The start page's short list of what a cell's committee should do next, derived from the data each time
/// (so it stays true after the setup): sympathizers without a helper or without the awareness class, people
/// waiting on the source list, students without results, invitations not used yet.
/// </summary>
public sealed class NextSteps(AppDbContext db, TimeProvider clock)
{
    private static readonly Role[] Committee = [Role.Administrator, Role.CellSecretary, Role.CellCommittee];

    public async Task<IReadOnlyList<NextStep>> ForAsync(CurrentUser me, CancellationToken cancellationToken = default)
    {
        var steps = new List<NextStep>();
        var scopes = me.PathsFor(Committee);
        if (scopes.Count == 0)
        {
            return steps;
        }

        var open = db.Cases.AsNoTracking().VisibleIn(db, scopes).Where(c => c.ClosedOn == null);
        // On PostgreSQL a NOT EXISTS, answered per case from the (case, date) index for a cell's few cases, where a NOT IN
        // list would hash every helper step of the installation first (0.4 s at 2,000,000 students). On SQLite the list,
        // which it reads once: per case, it walked the (kind, date) index when it had no statistics.
        var helped = db.CaseSteps.Where(s => s.Kind == EventKind.HelperAssigned && s.VoidedAt == null);
        var sympathizers = open.Where(c => c.Stage == Stage.Sympathizer || c.Stage == Stage.Trained || c.Stage == Stage.Applying);
        var withoutHelper = db.Database.IsNpgsql()
            ? await sympathizers.CountAsync(c => !helped.Any(s => s.CaseId == c.Id), cancellationToken)
            : await sympathizers.CountAsync(c => !helped.Select(s => s.CaseId).Contains(c.Id), cancellationToken);
        if (withoutHelper > 0)
        {
            steps.Add(new NextStep($"Phân công đảng viên giúp đỡ cho {withoutHelper} cảm tình Đảng chưa có người giúp đỡ", "/bang"));
        }

        var untrained = await open.CountAsync(c => c.Stage == Stage.Sympathizer, cancellationToken);
        if (untrained > 0)
        {
            steps.Add(new NextStep($"Ghi lớp bồi dưỡng nhận thức về Đảng cho {untrained} cảm tình Đảng chưa có giấy chứng nhận", "/lop"));
        }

        var waiting = await open.CountAsync(c => c.Stage == Stage.Source || c.Stage == Stage.Outstanding, cancellationToken);
        if (waiting > 0)
        {
            steps.Add(new NextStep($"Xét {waiting} người trong nguồn và quần chúng ưu tú để đưa vào danh sách cảm tình Đảng", "/bang"));
        }

        var withoutResults = await db.People.AsNoTracking().Within(scopes)
            .CountAsync(p => p.Organisation!.Kind == OrganisationKind.SchoolClass && !p.Terms.Any(), cancellationToken);
        if (withoutResults > 0)
        {
            steps.Add(new NextStep($"Nhập kết quả học tập, rèn luyện cho {withoutResults} sinh viên chưa có", "/nhap-du-lieu?loai=ket-qua-hoc-tap"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var invited = await db.Invitations.AsNoTracking()
            .WithinPaths(i => i.Organisation!.Path, scopes)
            .CountAsync(i => i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now, cancellationToken);
        if (invited > 0)
        {
            steps.Add(new NextStep($"{invited} lời mời chưa có người đăng ký", "/moi"));
        }

        return steps;
    }
}
