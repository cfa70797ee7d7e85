using System.ComponentModel.DataAnnotations;
using Chibo.Access;
using Chibo.Data;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Cases;

/// <summary>
/// The case file: timeline, checklist, people, live findings, deadlines, what comes next, and the form
/// that records the next step. Every view is audited.
/// </summary>
public sealed class CaseFileModel(CaseFiles files, RecordStep recordStep, CurrentUser me, AuditLog audit) : PageModel
{
    public LoadedCase Case { get; private set; } = null!;

    public CheckReport Report { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public IReadOnlyList<EventKind> Recordable { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> OfficialMembers { get; private set; } = [];

    public IReadOnlyList<ChecklistLine> Checklist { get; private set; } = [];

    /// <summary>Warnings the last attempt raised: the user must tick them to go on.</summary>
    public IReadOnlyList<Domain.Common.Error> PendingWarnings { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "buoc")]
    public EventKind? Kind { get; set; }

    [BindProperty]
    public StepInput Input { get; set; } = new();

    public sealed record ChecklistLine(string Code, string Name, bool Handwritten, DateOnly? Received);

    public sealed class StepInput
    {
        public int Version { get; set; }

        [Required(ErrorMessage = "Nhập ngày của bước.")]
        public DateOnly? Date { get; set; }

        public Guid? Member { get; set; }

        public DateOnly? KnownSince { get; set; }

        [Range(0, 10_000, ErrorMessage = "Số phiếu phải từ 0 trở lên.")]
        public int? VotesFor { get; set; }

        [Range(0, 10_000, ErrorMessage = "Số phiếu phải từ 0 trở lên.")]
        public int? VotesAgainst { get; set; }

        [Range(1, 10_000, ErrorMessage = "Số người có quyền biểu quyết phải từ 1 trở lên.")]
        public int? Eligible { get; set; }

        [StringLength(60, ErrorMessage = "Số văn bản quá dài.")]
        public string? Number { get; set; }

        [StringLength(300, ErrorMessage = "Tên nơi cấp quá dài.")]
        public string? Issuer { get; set; }

        public DateOnly? Received { get; set; }

        public bool Extended { get; set; }

        public bool Replacement { get; set; }

        public bool DelayApproved { get; set; }

        [StringLength(2000, ErrorMessage = "Ghi chú quá dài.")]
        public string? Note { get; set; }

        public List<string> Acknowledged { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await audit.RecordViewAsync("Case", id);
        Input.Version = Case.Record.Version;
        Input.Date = Today;
        if (Kind is { } kind && Recordable.Contains(kind) && kind is EventKind.CellResolution or EventKind.RecognitionResolution)
        {
            Input.Eligible = OfficialMembers.Count;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        // A stale form goes on to the use case, which answers with the conflict and the other person's change.
        if (Kind is not { } kind || (!Recordable.Contains(kind) && Input.Version == Case.Record.Version))
        {
            ModelState.AddModelError("", "Chọn một bước có thể ghi ở giai đoạn này.");
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await recordStep.RunAsync(new RecordStepRequest(
            id, Input.Version, kind, Input.Date!.Value, Input.Member, Input.KnownSince, Input.VotesFor, Input.VotesAgainst,
            Input.Eligible, Input.Number, Input.Issuer, Input.Received, Input.Extended, Input.Replacement, Input.DelayApproved,
            Input.Note, Input.Acknowledged));
        if (result.IsSuccess)
        {
            TempData["Flash"] = $"Đã ghi: {Capitalize(kind.ToVietnamese())} ngày {Input.Date:dd/MM/yyyy}.";
            return RedirectToPage(new { id, buoc = (EventKind?)null });
        }

        if (RecordStep.OnlyWarnings(result.Errors))
        {
            PendingWarnings = result.Errors;
        }
        else
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", $"{error.Message} ({error.Code})");
            }
        }

        if (result.Errors.Any(e => e.Code == RecordStep.Conflict))
        {
            // Show the file as it is now; the form keeps what the user typed, against the new version.
            Input.Version = Case.Record.Version;
        }

        return Page();
    }

    public int WorkingDaysLeft(DateOnly due) => CaseFiles.Calendar.CountWorkingDays(Today, due);

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public string MemberName(string? id) => id is not null && Case.MemberNames.TryGetValue(id, out var name) ? name : "";

    private async Task<bool> LoadAsync(Guid id)
    {
        var loaded = await files.LoadAsync(id);
        if (loaded is null || !loaded.IsVisibleTo(me))
        {
            return false;
        }

        Case = loaded;
        Today = files.Today;
        Report = files.Appraise(loaded.Case);
        Recordable = [.. Transitions.StepsAt(loaded.Case.Stage, loaded.Cell.IsGrassroots)
            .Where(k => loaded.CanRecord(me, k))];
        OfficialMembers = [.. loaded.Case.Members
            .Where(m => m.OfficialSince is { } since && since <= Today)
            .OrderBy(m => m.FullName, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
            .Select(m => (m.Id, m.FullName))];
        var received = loaded.Case.Steps.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Max(s => s.Date));
        Checklist = [.. FormCatalogue.ChecklistFor(loaded.Case.Stage, loaded.Applicant.IsYouthUnionMember)
            .Where(c => !loaded.Cell.IsGrassroots || c.Step is not (EventKind.CommitteeResolution or EventKind.RecognitionCommitteeResolution))
            .Select(c => new ChecklistLine(c.Form.Code, c.Form.Name, c.Form.Handwritten, received.TryGetValue(c.Step, out var d) ? d : null))];
        return true;
    }
}
