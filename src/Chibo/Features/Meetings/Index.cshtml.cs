using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Meetings;

/// <summary>The minutes books the user may read, and a form to open a meeting in one they keep.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser me, CreateMeeting createMeeting, AttachMember attachMember, ChiboClock clock) : PageModel
{
    public sealed record Row(Guid Id, DateOnly Date, MeetingKind Kind, string? Topic, string Organisation, bool Signed);

    public sealed record Choice(Guid Id, string Name);

    public IReadOnlyList<Choice> Organisations { get; private set; } = [];

    public IReadOnlyList<Row> Meetings { get; private set; } = [];

    public Organisation? Selected { get; private set; }

    public bool CanCreate { get; private set; }

    public IReadOnlyList<Choice> People { get; private set; } = [];

    public sealed record Attachment(Guid Id, int Version, string Name, string HomeCell, DateOnly From, DateOnly? To, string? Reason);

    /// <summary>A cell's attached members (sinh hoạt tạm thời), current ones first.</summary>
    public IReadOnlyList<Attachment> Attachments { get; private set; } = [];

    public DateOnly Today => clock.Today;

    [BindProperty(SupportsGet = true, Name = "don-vi")]
    public Guid? OrganisationId { get; set; }

    [BindProperty]
    public NewMeeting Input { get; set; } = new();

    public sealed class NewMeeting
    {
        public MeetingKind Kind { get; set; }

        public DateOnly? Date { get; set; }

        public TimeOnly? StartTime { get; set; }

        public string? Place { get; set; }

        public Guid? Chair { get; set; }

        public Guid? Secretary { get; set; }

        public string? Topic { get; set; }

        public string? Number { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!me.Grants.Any(g => MeetingAccess.Readers.Contains(g.Role)))
        {
            return Forbid();
        }

        await LoadAsync();
        Input.Date = clock.Today;
        Input.StartTime = new TimeOnly(8, 0);
        return Page();
    }

    /// <summary>Every meeting of the chosen body, newest first, as an .xlsx.</summary>
    public async Task<IActionResult> OnGetXlsxAsync([FromServices] Exports.ListExports exports, CancellationToken cancellationToken)
    {
        if (!me.Grants.Any(g => MeetingAccess.Readers.Contains(g.Role)))
        {
            return Forbid();
        }

        await LoadAsync();
        return Selected is null ? NotFound() : await exports.MeetingsAsync(Selected, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Selected is null || !CanCreate)
        {
            return Forbid();
        }

        if (Input.Date is null || Input.StartTime is null || Input.Chair is null || Input.Secretary is null)
        {
            ModelState.AddModelError("", "Nhập ngày, giờ bắt đầu, chủ trì và thư ký cuộc họp.");
            return Page();
        }

        var result = await createMeeting.RunAsync(new CreateMeetingRequest(
            Selected.Id, Input.Kind, Input.Date.Value, Input.StartTime.Value, Input.Place ?? "", Input.Chair.Value, Input.Secretary.Value, Input.Topic, Input.Number));
        if (!result.IsSuccess)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Message);
            }

            return Page();
        }

        TempData["Flash"] = $"Đã mở biên bản cuộc họp ngày {Input.Date:dd/MM/yyyy}.";
        return Redirect($"/hop/{result.Value.Id}");
    }

    public async Task<IActionResult> OnPostAttachAsync(string? fullName, DateOnly? dateOfBirth, Gender gender, string? homeCell, DateOnly? from, DateOnly? to, string? reason)
    {
        await LoadAsync();
        if (Selected is null || from is null)
        {
            ModelState.AddModelError("", "Nhập ngày bắt đầu sinh hoạt tạm thời.");
            return Page();
        }

        var result = await attachMember.AddAsync(new AttachMemberRequest(Selected.Id, fullName ?? "", dateOfBirth, gender, homeCell ?? "", from.Value, to, reason));
        return await AfterAttachmentAsync(result, $"Đã ghi đồng chí {fullName?.Trim()} sinh hoạt tạm thời tại chi bộ.");
    }

    public async Task<IActionResult> OnPostEndAttachmentAsync(Guid attachment, int attachmentVersion, DateOnly? to)
    {
        await LoadAsync();
        var result = await attachMember.EndAsync(attachment, attachmentVersion, to ?? DateOnly.MinValue);
        return await AfterAttachmentAsync(result, "Đã ghi ngày kết thúc sinh hoạt tạm thời.");
    }

    private async Task<IActionResult> AfterAttachmentAsync(Domain.Common.Result<PartyAttachment> result, string done)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = done;
            return Redirect($"/hop?don-vi={OrganisationId}");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("", $"{error.Message} ({error.Code})");
        }

        await LoadAsync();
        Response.StatusCode = result.Errors.Any(e => e.Code == MeetingErrors.Forbidden) ? StatusCodes.Status403Forbidden
            : result.Errors.Any(e => e.Code == AttachMember.Conflict) ? StatusCodes.Status409Conflict
            : StatusCodes.Status200OK;
        return Page();
    }

    private async Task LoadAsync()
    {
        var scopes = me.PathsFor(MeetingAccess.Readers);
        var organisations = await db.Organisations.AsNoTracking().Within(scopes)
            .Where(o => o.Kind == OrganisationKind.Cell || o.Kind == OrganisationKind.UnionBranch || o.Kind == OrganisationKind.UnionCommittee)
            .OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .Take(500)
            .ToListAsync();
        Organisations = [.. organisations.Select(o => new Choice(o.Id, o.Name))];
        Selected = OrganisationId is { } id ? organisations.SingleOrDefault(o => o.Id == id) : organisations.FirstOrDefault(o => o.Kind == OrganisationKind.Cell);
        if (Selected is null)
        {
            return;
        }

        OrganisationId = Selected.Id;
        CanCreate = MeetingAccess.CanEdit(me, Selected);
        if (MeetingAccess.IsParty(Selected.Kind))
        {
            var attachments = await db.PartyAttachments.AsNoTracking().Where(a => a.HostCellId == Selected.Id)
                .OrderBy(a => a.To != null).ThenByDescending(a => a.From).Take(200)
                .Select(a => new Attachment(a.Id, a.Version, a.Person!.FullName, a.HomeCellName, a.From, a.To, a.Reason))
                .ToListAsync();
            Attachments = attachments;
        }

        Meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.OrganisationId == Selected.Id)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.StartTime)
            .Take(200)
            .Select(m => new Row(m.Id, m.Date, m.Kind, m.Topic, m.Organisation!.Name, m.SignedAt != null))
            .ToListAsync();
        if (CanCreate)
        {
            var today = clock.Today;
            People = MeetingAccess.IsParty(Selected.Kind)
                ? [.. (await MeetingRoll.OnAsync(db, Selected.Id, today)).Where(m => MeetingRoll.CanPreside(m.Category)).Select(m => new Choice(m.PersonId, m.FullName))]
                : await db.People.AsNoTracking()
                    .Where(p => p.UnionBranchId == Selected.Id || p.Positions.Any(x => x.OrganisationId == Selected.Id || x.OrganisationId == Selected.ParentId))
                    .OrderBy(p => p.FullName).Take(300)
                    .Select(p => new Choice(p.Id, p.FullName))
                    .ToListAsync();
        }
    }
}
