using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Invitations;

/// <summary>
/// Invite the team: make an invitation (its link and slip code are shown once, here), see who has signed
/// up, withdraw an invitation not used yet.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentUser me, Invitations invitations) : PageModel
{
    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public Role Role { get; set; } = Role.UnionSecretary;

    [BindProperty]
    public Guid OrganisationId { get; set; }

    [BindProperty]
    public int Days { get; set; } = Invitations.DefaultDays;

    /// <summary>Where the guided setup wants to go on; local addresses only.</summary>
    [BindProperty(SupportsGet = true, Name = "tiep")]
    public string? ContinueTo { get; set; }

    public string? ContinueUrl => ContinueTo is { } url && Url.IsLocalUrl(url) ? url : null;

    public IReadOnlyList<(Guid Id, string Name, string Path)> Targets { get; private set; } = [];

    public IReadOnlyList<Role> Roles { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IssuedInvitation? Issued { get; private set; }

    public string SignUpUrl(string token) => $"{Request.Scheme}://{Request.Host}/dang-ky?t={Uri.EscapeDataString(token)}";

    public string CodeUrl => $"{Request.Scheme}://{Request.Host}/dang-ky";

    public sealed record Row(Guid Id, int Version, string Name, Role Role, string Organisation, DateTime CreatedAt, DateTime ExpiresAt, DateTime? UsedAt, DateTime? RevokedAt);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        var result = await invitations.CreateAsync(new InvitationRequest(DisplayName, Role, OrganisationId, Days), cancellationToken);
        if (!result.IsSuccess)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Path ?? "", error.Message);
            }

            return Page();
        }

        Issued = result.Value;
        DisplayName = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        var result = await invitations.RevokeAsync(id, version, cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError("", result.Errors[0].Message);
            return Page();
        }

        TempData["Flash"] = $"Đã thu hồi lời mời {result.Value.DisplayName}.";
        return Redirect(ContinueUrl is { } next ? $"/moi?tiep={Uri.EscapeDataString(next)}" : "/moi");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!me.Grants.Any(g => Invitations.Inviters.Contains(g.Role)))
        {
            return false;
        }

        var targets = await invitations.Targets()
            .OrderBy(o => o.Path.Length).ThenBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Path })
            .Take(500)
            .ToListAsync(cancellationToken);
        Targets = [.. targets.Select(t => (t.Id, t.Name, t.Path))];
        Roles = [.. Targets.SelectMany(t => Invitations.GrantableAt(me, t.Path)).Distinct().Order()];
        Rows = await db.Invitations.AsNoTracking()
            .WithinPaths(i => i.Organisation!.Path, me.PathsFor([.. Invitations.Inviters]))
            .OrderByDescending(i => i.CreatedAt)
            .Take(200)
            .Select(i => new Row(i.Id, i.Version, i.DisplayName, i.Role, i.Organisation!.Name, i.CreatedAt, i.ExpiresAt, i.UsedAt, i.RevokedAt))
            .ToListAsync(cancellationToken);
        return true;
    }
}
