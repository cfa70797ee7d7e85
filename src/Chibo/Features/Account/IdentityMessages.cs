using Microsoft.AspNetCore.Identity;

namespace Chibo.Features.Account;

/// <summary>Identity's error codes in Vietnamese: its own descriptions are English.</summary>
public static class IdentityMessages
{
    public static string Of(IdentityError error) => error.Code switch
    {
        "PasswordMismatch" => "Mật khẩu hiện tại không đúng.",
        "PasswordTooShort" => "Mật khẩu phải có ít nhất 10 ký tự.",
        "PasswordRequiresDigit" => "Mật khẩu phải có ít nhất một chữ số.",
        "PasswordRequiresLower" => "Mật khẩu phải có ít nhất một chữ thường.",
        "PasswordRequiresUpper" => "Mật khẩu phải có ít nhất một chữ hoa.",
        "PasswordRequiresUniqueChars" => "Mật khẩu cần nhiều ký tự khác nhau hơn.",
        "DuplicateUserName" => "Tên đăng nhập này đã có người dùng.",
        "InvalidUserName" => "Tên đăng nhập chỉ gồm chữ không dấu, chữ số và các dấu . _ -.",
        "ConcurrencyFailure" => "Tài khoản vừa được thay đổi ở nơi khác; hãy tải lại trang và thử lại.",
        _ => "Không thực hiện được thao tác với tài khoản.",
    };
}
