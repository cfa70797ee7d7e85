using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.News;

/// <summary>A new draft for a unit, written from scratch or drafted from a meeting's minutes.</summary>
public sealed class NewModel(AppDbContext db, CurrentUser me, ArticleDesk desk, MeetingDraft fromMeeting) : PageModel
{
    public Organisation Unit { get; private set; } = null!;

    [BindProperty]
    public ArticleForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "don-vi")] Guid unit) =>
        await LoadAsync(unit) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromQuery(Name = "don-vi")] Guid unit)
    {
        var result = await desk.CreateAsync(unit, Form.ToInput());
        return await AfterAsync(result, () => LoadAsync(unit));
    }

    /// <summary>"Viết tin" on a meeting's page.</summary>
    public async Task<IActionResult> OnPostMeetingAsync(Guid meeting)
    {
        var result = await fromMeeting.RunAsync(meeting);
        if (!result.IsSuccess)
        {
            TempData["Flash"] = string.Join(" ", result.Errors.Select(e => e.Message));
            return result.Errors.Any(e => e.Code == ArticleDesk.NotFound) ? NotFound() : Redirect($"/hop/{meeting}");
        }

        TempData["Flash"] = "Đã soạn bản nháp từ biên bản cuộc họp. Hãy viết lại cho người đọc, thêm ảnh rồi gửi duyệt.";
        return Redirect($"/bien-tap/{result.Value.Id}");
    }

    private async Task<IActionResult> AfterAsync(Result<NewsArticle> result, Func<Task<bool>> reload)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = "Đã lưu bản nháp.";
            return Redirect($"/bien-tap/{result.Value.Id}");
        }

        if (!await reload())
        {
            return NotFound();
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("", error.Message);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid unit)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == unit);
        if (organisation is null || !NewsAccess.CanWrite(me, organisation))
        {
            return false;
        }

        Unit = organisation;
        return true;
    }
}

/// <summary>The fields of the article form, shared by the new and the edit page.</summary>
public sealed class ArticleForm
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }
    public NewsCategory Category { get; set; }
    public bool Featured { get; set; }

    public ArticleInput ToInput() => new(Title, Summary, Body, Category, Featured);

    public static ArticleForm Of(NewsArticle article) => new()
    {
        Title = article.Title,
        Summary = article.Summary,
        Body = article.BodyHtml,
        Category = article.Category,
        Featured = article.Featured,
    };
}
