using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chibo.Features.Shared;

/// <summary>The page behind every error status: Vietnamese words, never a stack trace.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorsModel : PageModel
{
    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Heading, Explanation) = code switch
        {
            403 => ("Không có quyền", "Bạn không có quyền xem hoặc thay đổi nội dung này. Nếu cần, hãy hỏi bí thư chi bộ hoặc quản trị hệ thống."),
            404 => ("Không tìm thấy", "Trang hoặc hồ sơ này không có, hoặc nằm ngoài phạm vi của bạn."),
            413 => ("Tệp quá lớn", "Tệp gửi lên vượt quá giới hạn cho phép. Hãy chụp lại với độ phân giải thấp hơn hoặc chia thành nhiều tệp."),
            400 => ("Yêu cầu không hợp lệ", "Biểu mẫu đã hết hạn hoặc dữ liệu gửi lên không đúng. Hãy tải lại trang và thử lại."),
            _ => ("Đã có lỗi", "Chibo gặp sự cố khi xử lý yêu cầu. Dữ liệu chưa bị thay đổi; hãy thử lại sau ít phút."),
        };
    }
}
