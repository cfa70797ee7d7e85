using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.News;

/// <summary>
/// One article at the desk: edit, photos, submit; for an approver, publish now or at a time, send back with
/// a comment, withdraw. The history of versions is listed below.
/// </summary>
public sealed class EditModel(AppDbContext db, CurrentUser me, ArticleDesk desk, TimeProvider clock) : PageModel
{
    public NewsArticle Article { get; private set; } = null!;

    public IReadOnlyList<NewsPhoto> Photos { get; private set; } = [];

    public IReadOnlyList<NewsRevision> Revisions { get; private set; } = [];

    public bool CanApprove { get; private set; }

    public bool IsScheduled => Article.Status == ArticleStatus.Published && Article.PublishAt > clock.GetUtcNow().UtcDateTime;

    [BindProperty]
    public ArticleForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Form = ArticleForm.Of(Article);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, int version) =>
        await AfterAsync(id, await desk.SaveAsync(id, version, Form.ToInput()), "Đã lưu.", keepForm: true);

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, int version)
    {
        // Save what is in the form, then submit it: the writer sends what they see.
        var saved = await desk.SaveAsync(id, version, Form.ToInput());
        return saved.IsSuccess
            ? await AfterAsync(id, await desk.SubmitAsync(id, saved.Value.Version), "Đã gửi duyệt.")
            : await AfterAsync(id, saved, "", keepForm: true);
    }

    /// <summary>Publishes now, or at the local time given (Vietnam, UTC+7).</summary>
    public async Task<IActionResult> OnPostPublishAsync(Guid id, int version, DateTime? at) =>
        await AfterAsync(id, await desk.PublishAsync(id, version, at is { } local ? DateTime.SpecifyKind(local.AddHours(-7), DateTimeKind.Utc) : null),
            at is null ? "Đã đăng lên cổng thông tin." : "Đã hẹn giờ đăng.");

    public async Task<IActionResult> OnPostReturnAsync(Guid id, int version, string? comment) =>
        await AfterAsync(id, await desk.ReturnAsync(id, version, comment), "Đã trả lại cho người viết.");

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, int version) =>
        await AfterAsync(id, await desk.WithdrawAsync(id, version), "Đã gỡ bài khỏi cổng thông tin.");

    public async Task<IActionResult> OnPostPhotoAsync(Guid id, int version, IFormFile? photo, string? caption)
    {
        if (photo is null || photo.Length == 0)
        {
            return await AfterAsync(id, Result.Failure<NewsArticle>(new Error("PHOTO-MISSING", "Chọn một tệp ảnh.")), "");
        }

        if (photo.Length > PhotoProcessor.MaxBytes)
        {
            return await AfterAsync(id, Result.Failure<NewsArticle>(new Error("PHOTO-SIZE", "Ảnh lớn quá 15 MB.")), "");
        }

        using var buffer = new MemoryStream();
        await photo.CopyToAsync(buffer);
        return await AfterAsync(id, await desk.AddPhotoAsync(id, version, buffer.ToArray(), caption), "Đã thêm ảnh.");
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync(Guid id, int version, Guid photo) =>
        await AfterAsync(id, await desk.RemovePhotoAsync(id, version, photo), "Đã bỏ ảnh.");

    private async Task<IActionResult> AfterAsync(Guid id, Result<NewsArticle> result, string done, bool keepForm = false)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = done;
            return Redirect($"/bien-tap/{id}");
        }

        if (result.Errors.Any(e => e.Code == ArticleDesk.NotFound) || !await LoadAsync(id))
        {
            return NotFound();
        }

        if (!keepForm)
        {
            Form = ArticleForm.Of(Article);
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("", error.Message);
        }

        Response.StatusCode = result.Errors.Any(e => e.Code == ArticleDesk.Conflict) ? StatusCodes.Status409Conflict
            : result.Errors.Any(e => e.Code == ArticleDesk.Forbidden) ? StatusCodes.Status403Forbidden
            : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        db.ChangeTracker.Clear();
        var article = await db.NewsArticles.AsNoTracking().Include(a => a.Organisation).SingleOrDefaultAsync(a => a.Id == id);
        if (article is null || !NewsAccess.CanWrite(me, article.Organisation!))
        {
            return false;
        }

        Article = article;
        CanApprove = NewsAccess.CanApprove(me, article.Organisation!);
        Photos = await db.NewsPhotos.AsNoTracking().Where(p => p.ArticleId == id).OrderBy(p => p.Order).ToListAsync();
        Revisions = await db.NewsRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Number).ToListAsync();
        return true;
    }
}
