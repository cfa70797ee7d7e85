using System.ComponentModel.DataAnnotations;
using Chibo.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chibo.Features.Account;

public sealed class ChangePasswordModel(UserManager<ChiboUser> users, SignInManager<ChiboUser> signIn) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Nhập mật khẩu hiện tại.")]
    public string Current { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Nhập mật khẩu mới.")]
    public string New { get; set; } = "";

    [BindProperty]
    [Compare(nameof(New), ErrorMessage = "Hai lần nhập mật khẩu mới không khớp.")]
    public string Confirm { get; set; } = "";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        var result = await users.ChangePasswordAsync(user, Current, New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(Current) : nameof(New), IdentityMessages.Of(error));
            }

            return Page();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "Đã đổi mật khẩu.";
        return Redirect("/tai-khoan");
    }
}
