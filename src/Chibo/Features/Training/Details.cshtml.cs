using System.Globalization;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Documents;
using Chibo.Domain.Common;
using Chibo.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chibo.Features.Training;

/// <summary>
/// One class: its facts and curriculum, the enrolled people the user may see, attendance, results and the
/// certificates; the organiser's lists as .xlsx, and the enrolment list as DOCX and PDF. Every view is audited.
/// </summary>
public sealed class DetailsModel(TrainingFiles files, TrainingLists lists, EditClass edit, IssueCertificates issue, AuditLog audit) : PageModel
{
    public ClassFile Training { get; private set; } = null!;

    /// <summary>The session whose roll the attendance form shows.</summary>
    public TrainingSession? Session { get; private set; }

    public DateOnly Today => files.Today;

    /// <summary>How long an awareness certificate stays valid under the rulebook in force today.</summary>
    public int ValidityMonths => Cases.CaseFiles.Rulebooks.InForceOn(Today).Parameters.CertificateValidityMonths;

    public sealed class ResultInput
    {
        public string? Score { get; set; }
        public TrainingOutcome? Outcome { get; set; }
        public TrainingRating? Rating { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? buoi)
    {
        if (!await LoadAsync(id, buoi))
        {
            return NotFound();
        }

        await audit.RecordViewAsync("TrainingClass", id);
        return Page();
    }

    public async Task<IActionResult> OnGetSheetAsync(Guid id, string? list)
    {
        var file = await files.LoadAsync(id);
        if (file is null || !TrainingLists.IsList(list))
        {
            return NotFound();
        }

        await audit.RecordViewAsync("TrainingClass", id);
        var output = new MemoryStream();
        await lists.WriteSheetAsync(file, list!, output, HttpContext.RequestAborted);
        output.Position = 0;
        return File(output, SheetWriter.ContentType, TrainingLists.FileName(file, list!, "xlsx"));
    }

    public Task<IActionResult> OnGetDocxAsync(Guid id) => DocumentAsync(id, "docx");

    public Task<IActionResult> OnGetPdfAsync(Guid id) => DocumentAsync(id, "pdf");

    public async Task<IActionResult> OnPostStatusAsync(Guid id, int version, TrainingStatus status) =>
        await AfterAsync(id, null, await edit.SetStatusAsync(id, version, status), "Đã cập nhật trạng thái lớp.");

    public async Task<IActionResult> OnPostSessionAsync(Guid id, int version, DateOnly? date, string? topic) =>
        await AfterAsync(id, null, await edit.AddSessionAsync(id, version, date, topic), "Đã thêm buổi học.");

    public async Task<IActionResult> OnPostAttendanceAsync(Guid id, int version, Guid session, List<Guid>? present) =>
        await AfterAsync(id, session, await edit.SetAttendanceAsync(id, version, session, present ?? []), "Đã lưu điểm danh.");

    public async Task<IActionResult> OnPostResultsAsync(Guid id, int version, Dictionary<Guid, ResultInput>? results)
    {
        var lines = new List<ResultLine>();
        foreach (var (enrolmentId, input) in results ?? [])
        {
            if (!TryScore(input.Score, out var score))
            {
                return await AfterAsync(id, null, Result.Failure<TrainingClass>(new Error("SCORE-FORMAT", $"Điểm \"{input.Score}\" không phải là số (ví dụ 8,5).")), "");
            }

            lines.Add(new ResultLine(enrolmentId, score, input.Outcome, input.Rating));
        }

        return await AfterAsync(id, null, await edit.SetResultsAsync(id, version, lines), "Đã lưu kết quả học tập.");
    }

    public async Task<IActionResult> OnPostCertificatesAsync(Guid id, int version, DateOnly? date, Dictionary<Guid, string?>? numbers)
    {
        var result = await issue.RunAsync(new IssueCertificatesRequest(id, version, date, numbers ?? []));
        var done = result.IsSuccess ? $"Đã cấp {result.Value} giấy chứng nhận và ghi bước vào hồ sơ của từng người." : "";
        return await AfterAsync(id, null, result, done);
    }

    private async Task<IActionResult> DocumentAsync(Guid id, string extension)
    {
        var file = await files.LoadAsync(id);
        if (file is null)
        {
            return NotFound();
        }

        await audit.RecordViewAsync("TrainingClass", id);
        var document = await lists.BuildEnrolmentListAsync(file, HttpContext.RequestAborted);
        var bytes = extension == "pdf" ? PdfWriter.Write(document, lists.Margins) : DocxWriter.Write(document, lists.Margins);
        var type = extension == "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        return File(bytes, type, TrainingLists.FileName(file, TrainingLists.EnrolmentList, extension));
    }

    private async Task<IActionResult> AfterAsync<T>(Guid id, Guid? session, Result<T> result, string done)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = done;
            return Redirect(session is null ? $"/lop/{id}" : $"/lop/{id}?buoi={session}");
        }

        if (result.Errors.Any(e => e.Code == TrainingErrors.NotFound) || !await LoadAsync(id, session))
        {
            return NotFound();
        }

        if (result.Errors.Any(e => e.Code == "CERTIFICATE-STEP"))
        {
            ModelState.AddModelError("", "Chưa cấp giấy chứng nhận nào: sửa các điểm dưới đây (hoặc bỏ số của người đó) rồi gửi lại.");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("", error.Message);
        }

        Response.StatusCode = result.Errors.Any(e => e.Code == TrainingErrors.Forbidden) ? StatusCodes.Status403Forbidden
            : result.Errors.Any(e => e.Code == TrainingErrors.Conflict) ? StatusCodes.Status409Conflict
            : StatusCodes.Status200OK;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, Guid? session)
    {
        var file = await files.LoadAsync(id);
        if (file is null)
        {
            return false;
        }

        Training = file;
        Session = file.Sessions.FirstOrDefault(s => s.Id == session)
            ?? file.Sessions.FirstOrDefault(s => !file.HasAttendance(s))
            ?? (file.Sessions.Count > 0 ? file.Sessions[^1] : null);
        return true;
    }

    /// <summary>A score as people type it: "8,5" (Vietnamese) or "8.5" (a number field); empty is no score.</summary>
    internal static bool TryScore(string? text, out decimal? score)
    {
        score = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            score = value;
            return true;
        }

        return false;
    }

    /// <summary>A suggested certificate number from the student's place on the list; the organiser edits it, and a number used before is refused.</summary>
    public string SuggestNumber(int offset)
    {
        var suffix = Training.Class.Kind == TrainingKind.Awareness ? "CN-NTVĐ" : "CN-ĐVM";
        return $"{offset:00}/{Training.Class.StartsOn.Year}/{suffix}";
    }
}
