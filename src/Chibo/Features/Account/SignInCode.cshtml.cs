using System.ComponentModel.DataAnnotations;
using Chibo.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chibo.Features.Account;

[AllowAnonymous]
public sealed class SignInCodeModel(SignInManager<ChiboUser> signIn) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Nhập mã xác thực.")]
    [RegularExpression(@"^\s*\d{6}\s*$", ErrorMessage = "Mã xác thực gồm 6 chữ số.")]
    public string Code { get; set; } = "";

    [BindProperty]
    public bool RememberMachine { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Code.Trim(), RememberMe, RememberMachine);
        if (result.Succeeded)
        {
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? "Tài khoản tạm khóa vì nhập sai nhiều lần. Thử lại sau 15 phút."
            : "Mã xác thực không đúng hoặc đã hết hạn.");
        return Page();
    }
}
