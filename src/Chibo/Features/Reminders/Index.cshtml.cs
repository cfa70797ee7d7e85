using Chibo.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chibo.Features.Reminders;

/// <summary>My notifications: reminders of steps falling due and tasks past due, newest unread first.</summary>
public sealed class IndexModel(Notifications notifications) : PageModel
{
    public IReadOnlyList<Notification> Items { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "chua-doc")]
    public bool UnreadOnly { get; set; }

    public async Task OnGetAsync() => Items = await notifications.ListAsync(UnreadOnly);

    public async Task<IActionResult> OnPostReadAsync(Guid id, int version)
    {
        TempData["Flash"] = await notifications.MarkReadAsync(id, version)
            ? "Đã đánh dấu đã đọc."
            : "Không đánh dấu được: thông báo không còn hoặc vừa được thay đổi ở nơi khác. Xin tải lại trang.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var count = await notifications.MarkAllReadAsync();
        TempData["Flash"] = count == 0 ? "Không có thông báo chưa đọc." : $"Đã đánh dấu {count} thông báo là đã đọc.";
        return RedirectToPage();
    }
}
