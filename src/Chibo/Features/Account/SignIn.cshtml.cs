using System.ComponentModel.DataAnnotations;
using Chibo.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chibo.Features.Account;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<ChiboUser> signIn) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Nhập tên đăng nhập.")]
    public string UserName { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Nhập mật khẩu.")]
    public string Password { get; set; } = "";

    [BindProperty]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("SignInCode", new { ReturnUrl, RememberMe });
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? "Tài khoản tạm khóa vì nhập sai mật khẩu nhiều lần. Thử lại sau 15 phút."
            : "Tên đăng nhập hoặc mật khẩu không đúng.");
        return Page();
    }

    /// <summary>Only addresses on this site: an open redirect would let a link phish through our sign-in.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
