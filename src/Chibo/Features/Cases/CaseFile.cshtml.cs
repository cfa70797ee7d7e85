using System.ComponentModel.DataAnnotations;
using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
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
[RequestSizeLimit(MaxUpload + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload + (64 * 1024))]
public sealed class CaseFileModel(CaseFiles files, RecordStep recordStep, VoidStep voidStep, LocalPolicies policies, CurrentUser me, AuditLog audit, AppDbContext db, TimeProvider time, Forms.CaseForms forms) : PageModel
{
    /// <summary>The forms Chibo fills for this case at its stage ("Biểu mẫu"), with their numbers.</summary>
    public IReadOnlyList<Forms.FormOffer> Forms { get; private set; } = [];

    public LoadedCase Case { get; private set; } = null!;

    public CheckReport Report { get; private set; } = null!;

    /// <summary>Findings of the local students' guidance (LOCAL-…): shown, never blocking.</summary>
    public IReadOnlyList<Finding> LocalFindings { get; private set; } = [];

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

    /// <summary>A paper of the checklist: received by a step or by hand, checked by the cell committee, maybe with a scan.</summary>
    public sealed record ChecklistLine(string Code, string Name, bool Handwritten, DateOnly? Received, DocumentStatus Status, string? CheckedBy, Guid? FileId, string? FileName);

    /// <summary>Largest scan accepted: a few pages scanned at 200 dpi.</summary>
    public const long MaxUpload = 10 * 1024 * 1024;

    public bool CanSeeAudit { get; private set; }

    public bool CanManageDocuments { get; private set; }

    /// <summary>The cell committee or the department above may send the case to another installation.</summary>
    public bool CanTransfer { get; private set; }

    public IReadOnlyList<AuditEntry> AuditTrail { get; private set; } = [];

    [BindProperty]
    public string? VoidReason { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public IReadOnlyList<CaseComment> Comments { get; private set; } = [];

    /// <summary>The meeting whose vote recorded a step, by step id.</summary>
    public IReadOnlyDictionary<Guid, Guid> StepMeetings { get; private set; } = new Dictionary<Guid, Guid>();

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

    /// <summary>An observation by anyone who may read the case: the homeroom teacher's word is part of the file.</summary>
    public async Task<IActionResult> OnPostCommentAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var text = Comment?.Trim() ?? "";
        if (text.Length is < 2 or > 4000)
        {
            ModelState.AddModelError(nameof(Comment), "Nhận xét từ 2 đến 4.000 ký tự.");
            return Page();
        }

        var role = me.Grants.FirstOrDefault(g => StepPermissions.Readers.Contains(g.Role)
            && (g.Path is null || Case.Cell.Path.StartsWith(g.Path, StringComparison.Ordinal) || Case.ApplicantPaths.Any(p => p.StartsWith(g.Path, StringComparison.Ordinal))));
        db.CaseComments.Add(new CaseComment
        {
            CaseId = id,
            AuthorUserId = me.UserId!,
            Author = me.DisplayName,
            AuthorRole = role is null ? "" : Shared.RoleNames.Of(role.Role),
            Text = text,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        TempData["Flash"] = "Đã lưu nhận xét.";
        return RedirectToPage(new { id });
    }

    /// <summary>"Hủy bước ghi nhầm": the latest step stops counting; who, when and why stay on file.</summary>
    public async Task<IActionResult> OnPostVoidAsync(Guid id, Guid step)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var result = await voidStep.RunAsync(new VoidStepRequest(id, step, Input.Version, VoidReason ?? ""));
        if (!result.IsSuccess)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Message);
            }

            return Page();
        }

        TempData["Flash"] = "Đã hủy bước ghi nhầm; lý do được lưu trong hồ sơ.";
        return RedirectToPage(new { id });
    }

    /// <summary>Stores a scan of a paper of the checklist. The type is read from the content, not the file name.</summary>
    public async Task<IActionResult> OnPostUploadAsync(Guid id, string code, IFormFile? scan)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var line = Checklist.FirstOrDefault(l => l.Code == code);
        if (!CanManageDocuments || line is null)
        {
            ModelState.AddModelError("", "Không tải lên được giấy tờ này.");
            return Page();
        }

        if (scan is null || scan.Length == 0)
        {
            ModelState.AddModelError("", "Chọn tệp bản chụp để tải lên.");
            return Page();
        }

        if (scan.Length > MaxUpload)
        {
            ModelState.AddModelError("", $"Tệp quá lớn ({scan.Length / 1024 / 1024:N0} MB); tối đa {MaxUpload / 1024 / 1024} MB.");
            return Page();
        }

        using var buffer = new MemoryStream();
        await scan.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var type = UploadTypes.Sniff(bytes);
        if (type is null)
        {
            ModelState.AddModelError("", "Chỉ nhận bản chụp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp).");
            return Page();
        }

        var stored = new StoredFile
        {
            ContentType = type,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
            Content = bytes,
            UploadedAt = time.GetUtcNow().UtcDateTime,
            UploadedBy = me.DisplayName,
        };
        db.StoredFiles.Add(stored);
        var document = await db.CaseDocuments.SingleOrDefaultAsync(d => d.CaseId == id && d.FormCode == code);
        if (document is null)
        {
            document = new CaseDocument { CaseId = id, FormCode = code, Status = DocumentStatus.Received, ReceivedOn = line.Received ?? Today };
            db.CaseDocuments.Add(document);
        }

        document.FileId = stored.Id;
        document.FileName = UploadTypes.SafeName(scan.FileName, type);
        await db.SaveChangesAsync();
        TempData["Flash"] = $"Đã lưu bản chụp {code}.";
        return RedirectToPage(new { id });
    }

    /// <summary>The cell committee has checked a paper: who and when are kept.</summary>
    public async Task<IActionResult> OnPostCheckedAsync(Guid id, string code)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var line = Checklist.FirstOrDefault(l => l.Code == code);
        if (!CanManageDocuments || line is null || line.Status == DocumentStatus.Missing)
        {
            ModelState.AddModelError("", "Chỉ kiểm tra được giấy tờ đã nhận.");
            return Page();
        }

        var document = await db.CaseDocuments.SingleOrDefaultAsync(d => d.CaseId == id && d.FormCode == code);
        if (document is null)
        {
            document = new CaseDocument { CaseId = id, FormCode = code, ReceivedOn = line.Received };
            db.CaseDocuments.Add(document);
        }

        document.Status = DocumentStatus.Checked;
        document.CheckedOn = Today;
        document.CheckedBy = me.DisplayName;
        await db.SaveChangesAsync();
        TempData["Flash"] = $"Đã ghi nhận {code} đã được kiểm tra.";
        return RedirectToPage(new { id });
    }

    /// <summary>A scan, as a download (never rendered inline), and its reading audited.</summary>
    public async Task<IActionResult> OnGetScanAsync(Guid id, Guid file)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var document = await db.CaseDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.CaseId == id && d.FileId == file);
        var stored = document is null ? null : await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == file);
        if (stored is null)
        {
            return NotFound();
        }

        await audit.RecordViewAsync("StoredFile", file);
        return File(stored.Content, stored.ContentType, document!.FileName ?? $"{document.FormCode}.bin");
    }

    public int WorkingDaysLeft(DateOnly due) => CaseFiles.Calendar.CountWorkingDays(Today, due);

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>One line for a step of the timeline: what, the votes, the paper's number, the member it names.</summary>
    public string Describe(CaseStepRecord step)
    {
        var text = Capitalize(step.Kind.ToVietnamese());
        if (step.VotesFor is not null)
        {
            text += $": {step.VotesFor}/{step.Eligible} tán thành";
        }

        if (step.DocumentNumber is not null)
        {
            text += $", số {step.DocumentNumber}";
        }

        if (step.MemberPersonId is { } member)
        {
            text += $", {MemberName(member.ToString())}";
        }
        else if (step.MemberName is { } external)
        {
            text += $", {external} (theo hồ sơ chuyển đến)";
        }

        return text;
    }

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
        LocalFindings = await policies.CheckAsync(loaded, Today);
        Recordable = [.. Transitions.StepsAt(loaded.Case.Stage, loaded.Cell.IsGrassroots)
            .Where(k => loaded.CanRecord(me, k))];
        CanTransfer = me.Holds(loaded.Cell.Path, Dossiers.DossierTransfer.Handlers);
        // Members known only from a transferred file belong to the old cell: the new cell names its own.
        OfficialMembers = [.. loaded.Case.Members
            .Where(m => m.OfficialSince is { } since && since <= Today && CaseFiles.IsLocalMember(m.Id))
            .OrderBy(m => m.FullName, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
            .Select(m => (m.Id, m.FullName))];
        var received = loaded.Case.Steps.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Max(s => s.Date));
        var documents = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == id).ToDictionaryAsync(d => d.FormCode);
        Checklist = [.. FormCatalogue.ChecklistFor(loaded.Case.Stage, loaded.Applicant.IsYouthUnionMember)
            .Where(c => !loaded.Cell.IsGrassroots || c.Step is not (EventKind.CommitteeResolution or EventKind.RecognitionCommitteeResolution))
            .Select(c =>
            {
                var stepDate = received.TryGetValue(c.Step, out var d) ? d : (DateOnly?)null;
                var document = documents.GetValueOrDefault(c.Form.Code);
                var status = document?.Status ?? (stepDate is null ? DocumentStatus.Missing : DocumentStatus.Received);
                return new ChecklistLine(c.Form.Code, c.Form.Name, c.Form.Handwritten, stepDate ?? document?.ReceivedOn, status, document?.CheckedBy, document?.FileId, document?.FileName);
            })];
        CanManageDocuments = loaded.CanRecord(me, EventKind.Application);
        Forms = await forms.OffersAsync(loaded, Today);
        Comments = await db.CaseComments.AsNoTracking().Where(c => c.CaseId == id).OrderBy(c => c.CreatedAt).ToListAsync();
        StepMeetings = await db.MeetingVotes.AsNoTracking()
            .Where(v => v.CaseId == id && v.CaseStepId != null)
            .Join(db.MeetingAgendaItems, v => v.AgendaItemId, a => a.Id, (v, a) => new { Step = v.CaseStepId!.Value, a.MeetingId })
            .ToDictionaryAsync(x => x.Step, x => x.MeetingId);
        CanSeeAudit = me.Holds(loaded.Cell.Path, Role.CellSecretary, Role.CellCommittee, Role.OrganisationDepartment, Role.Administrator);
        AuditTrail = CanSeeAudit
            ? await db.AuditEntries.AsNoTracking()
                .Where(a => (a.EntityType == "Case" && a.EntityId == id.ToString()) || (a.EntityType == "CaseRecord" && a.EntityId == id.ToString()))
                .OrderByDescending(a => a.Id).Take(50).ToListAsync()
            : [];
        return true;
    }
}
