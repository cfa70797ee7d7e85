using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Documents;
using Chibo.Domain.Cases;
using Chibo.Domain.Common;
using Chibo.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Meetings;

/// <summary>
/// A meeting's minutes: written here while the meeting is open, read-only once signed, corrected only with
/// a reason; downloads of the minutes as DOCX and PDF. Every view is audited.
/// </summary>
public sealed class DetailsModel(
    MeetingMinutes minutes, EditMeeting edit, RecordVote recordVote, ScoreMeeting scoreMeeting, FollowUpTask followUp, ScoreSheets sheets, CurrentUser me, AuditLog audit, AppDbContext db, ChiboClock clock) : PageModel
{
    public MeetingFile Minutes { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    /// <summary>The user keeps this minutes book: scores the meeting and follows up its tasks even once signed.</summary>
    public bool KeepsBook { get; private set; }

    /// <summary>The criteria sheet for scoring, for the cell committee of a Party meeting.</summary>
    public EffectiveSheet? Sheet { get; private set; }

    /// <summary>May the user follow up this task: the book's keepers and the task's owner.</summary>
    public bool CanFollow(MeetingTask task) => task.ClosedOn is null && (KeepsBook || (task.OwnerPersonId is { } owner && owner == me.PersonId));

    public CurrentUser Me => me;

    public DateOnly Today => clock.Today;

    public sealed record CaseChoice(Guid Id, string Name, Stage Stage);

    public IReadOnlyList<CaseChoice> Cases { get; private set; } = [];

    /// <summary>Tasks of the organisation's earlier meetings still open: they stay on the agenda until closed.</summary>
    public IReadOnlyList<(MeetingTask Task, DateOnly From)> CarriedTasks { get; private set; } = [];

    /// <summary>Warnings of the case rules that the last vote raised: tick them to record it anyway.</summary>
    public IReadOnlyList<Error> PendingWarnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await audit.RecordViewAsync("Meeting", id);
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(Guid id) => await DownloadAsync(id, "docx");

    public async Task<IActionResult> OnGetPdfAsync(Guid id) => await DownloadAsync(id, "pdf");

    /// <summary>The meeting's version the posted form was built from; a form without one is treated as stale.</summary>
    [BindProperty(Name = "version")]
    public int? FormVersion { get; set; }

    private int Expected => FormVersion ?? -1;

    public Task<IActionResult> OnPostGuestAsync(Guid id, string name, string? title, string? organisation) =>
        ApplyAsync(id, edit.AddGuestAsync(id, Expected, name, title, organisation), "Đã thêm khách mời.");

    public Task<IActionResult> OnPostAgendaAsync(Guid id, string title) =>
        ApplyAsync(id, edit.AddAgendaItemAsync(id, Expected, title), "Đã thêm nội dung.");

    public Task<IActionResult> OnPostSpeechAsync(Guid id, Guid item, string speaker, string? speakerTitle, string summary) =>
        ApplyAsync(id, edit.AddSpeechAsync(id, Expected, item, speaker, speakerTitle, summary), "Đã ghi ý kiến phát biểu.");

    public Task<IActionResult> OnPostConclusionAsync(Guid id, Guid item, string conclusion) =>
        ApplyAsync(id, edit.SetConclusionAsync(id, Expected, item, conclusion), "Đã ghi kết luận.");

    public Task<IActionResult> OnPostAttendanceAsync(Guid id, Guid person, AttendanceStatus status, string? reason) =>
        ApplyAsync(id, edit.SetAttendanceAsync(id, Expected, person, status, reason), "Đã cập nhật điểm danh.");

    public Task<IActionResult> OnPostTaskAsync(Guid id, Guid? item, string description, string owner, DateOnly? due, string? doneWhen) =>
        ApplyAsync(id, edit.AddTaskAsync(id, Expected, item, description, owner, null, due, doneWhen), "Đã giao nhiệm vụ.");

    public Task<IActionResult> OnPostFactsAsync(Guid id, TimeOnly startTime, string place, Guid chair, Guid secretary, string? topic, string? number) =>
        ApplyAsync(id, edit.UpdateFactsAsync(id, Expected, startTime, place, chair, secretary, topic, number), "Đã cập nhật thông tin cuộc họp.");

    public Task<IActionResult> OnPostEndAsync(Guid id, TimeOnly endTime) =>
        ApplyAsync(id, edit.SetEndTimeAsync(id, Expected, endTime), "Đã ghi giờ kết thúc.");

    public Task<IActionResult> OnPostSignAsync(Guid id) =>
        ApplyAsync(id, edit.SignAsync(id, Expected), "Đã ký biên bản. Từ nay mọi thay đổi phải ghi thành đính chính.");

    public Task<IActionResult> OnPostCorrectAsync(Guid id, string what, string reason) =>
        ApplyAsync(id, edit.CorrectAsync(id, what, reason), "Đã ghi đính chính.");

    public Task<IActionResult> OnPostScoreAsync(Guid id, List<int?> points, string? comment) =>
        ApplyAsync(id, scoreMeeting.RunAsync(id, Expected, points, comment), "Đã chấm điểm buổi sinh hoạt.");

    public Task<IActionResult> OnPostFollowUpAsync(Guid id, Guid task, int taskVersion, DateOnly? on, string? note, TaskProgress? progress, DateOnly? due) =>
        ApplyAsync(id, followUp.RecordAsync(task, taskVersion, on ?? DateOnly.MinValue, note, progress, due), "Đã ghi theo dõi nhiệm vụ.");

    public Task<IActionResult> OnPostCloseTaskAsync(Guid id, Guid task, int taskVersion, DateOnly? on, string? note) =>
        ApplyAsync(id, followUp.CloseAsync(task, taskVersion, on ?? DateOnly.MinValue, note), "Đã đóng nhiệm vụ.");

    public async Task<IActionResult> OnPostVoteAsync(Guid id, Guid item, string question, VotePurpose purpose, VoteMethod method, int votesFor, int against, int abstain, Guid? caseId, int? eligible, string? number, List<string>? acknowledged)
    {
        var result = await recordVote.RunAsync(new RecordVoteRequest(id, Expected, item, question, purpose, method, votesFor, against, abstain, caseId, eligible, number, acknowledged));
        if (!result.IsSuccess && result.Errors.All(e => Domain.Rules.RuleIds.Warnings.Contains(e.Code)))
        {
            PendingWarnings = result.Errors;
        }

        var message = result.IsSuccess
            ? result.Value.Passed ? "Đã ghi biểu quyết: thông qua." : "Đã ghi biểu quyết: không thông qua; hồ sơ đã được ghi chú."
            : "";
        return await AfterAsync(id, result.Errors, message);
    }

    private async Task<IActionResult> ApplyAsync<T>(Guid id, Task<Result<T>> change, string done)
    {
        var result = await change;
        return await AfterAsync(id, result.Errors, done);
    }

    private async Task<IActionResult> AfterAsync(Guid id, IReadOnlyList<Error> errors, string done)
    {
        if (errors.Count == 0)
        {
            TempData["Flash"] = done;
            return Redirect($"/hop/{id}");
        }

        if (errors.Any(e => e.Code == MeetingErrors.NotFound))
        {
            return NotFound();
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        foreach (var error in errors)
        {
            ModelState.AddModelError("", $"{error.Message} ({error.Code})");
        }

        Response.StatusCode = errors.Any(e => e.Code == MeetingErrors.Forbidden) ? StatusCodes.Status403Forbidden
            : errors.Any(e => e.Code is MeetingErrors.Conflict or FollowUpTask.Conflict) ? StatusCodes.Status409Conflict
            : StatusCodes.Status200OK;
        return Page();
    }

    private async Task<IActionResult> DownloadAsync(Guid id, string extension)
    {
        var file = await minutes.LoadAsync(id);
        if (file is null)
        {
            return NotFound();
        }

        await audit.RecordViewAsync("Meeting", id);
        var document = minutes.Build(file);
        var bytes = extension == "pdf" ? PdfWriter.Write(document, minutes.Margins) : DocxWriter.Write(document, minutes.Margins);
        var type = extension == "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        return File(bytes, type, MeetingMinutes.FileName(file.Meeting, extension));
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var file = await minutes.LoadAsync(id);
        if (file is null)
        {
            return false;
        }

        Minutes = file;
        var carried = await db.MeetingTasks.AsNoTracking().Include(t => t.FollowUps)
            .Where(t => t.ClosedOn == null)
            .Join(db.Meetings.Where(x => x.OrganisationId == file.Organisation.Id && x.Date < file.Meeting.Date), t => t.MeetingId, x => x.Id, (t, x) => new { Task = t, x.Date })
            .OrderBy(x => x.Date)
            .Take(100)
            .ToListAsync();
        CarriedTasks = [.. carried.Select(x => (x.Task, x.Date))];
        KeepsBook = MeetingAccess.CanEdit(me, file.Organisation);
        CanEdit = KeepsBook && !file.Meeting.IsSigned;
        if (KeepsBook && file.Meeting.IsPartyMeeting)
        {
            Sheet = await sheets.ForAsync(file.Organisation);
        }

        if (CanEdit)
        {
            var stages = file.Meeting.IsPartyMeeting
                ? new[] { Stage.Outstanding, Stage.Applying, Stage.Probationary }
                : [Stage.Source, Stage.Applying];
            var ancestors = Ancestors(file.Organisation);
            var query = file.Meeting.IsPartyMeeting
                ? db.Cases.Where(c => c.CellId == file.Organisation.Id)
                : db.Cases.Where(c => ancestors.Contains(c.CellId));
            Cases = await query.AsNoTracking().Where(c => stages.Contains(c.Stage))
                .OrderBy(c => c.Person!.FullName).Take(300)
                .Select(c => new CaseChoice(c.Id, c.Person!.FullName, c.Stage))
                .ToListAsync();
        }

        return true;
    }

    /// <summary>The ids on an organisation's path: a union body's cell is one of them.</summary>
    private static List<Guid> Ancestors(Organisation organisation) =>
        [.. organisation.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)];
}
