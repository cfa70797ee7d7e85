using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chibo.Features.Invitations;

/// <summary>
/// Where an invited person creates her account: from the link (its token in the address) or with the code of
/// a printed slip. The role and the organisation are the invitation's; she only chooses her name and password.
/// </summary>
[AllowAnonymous]
public sealed class SignUpModel(Invitations invitations) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public Data.Entities.Invitation? Invitation { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Token is not null)
        {
            var found = await invitations.FindAsync(Token, null, cancellationToken);
            if (found.IsSuccess)
            {
                Invitation = found.Value;
            }
            else
            {
                ModelState.AddModelError("", found.Errors[0].Message);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await invitations.SignUpAsync(new SignUpRequest(Token, Code, UserName, Password, ConfirmPassword), cancellationToken);
        if (!result.IsSuccess)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Path ?? "", error.Message);
            }

            if (Token is not null && (await invitations.FindAsync(Token, null, cancellationToken)) is { IsSuccess: true } found)
            {
                Invitation = found.Value;
            }

            return Page();
        }

        TempData["Flash"] = $"Đã tạo tài khoản {result.Value.UserName}. Hãy đăng nhập bằng mật khẩu bạn vừa đặt.";
        return Redirect("/dang-nhap");
    }
}
