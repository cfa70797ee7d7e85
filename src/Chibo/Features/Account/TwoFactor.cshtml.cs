using System.ComponentModel.DataAnnotations;
using Chibo.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Chibo.Features.Account;

/// <summary>TOTP two-factor sign-in (RFC 6238) with Identity's authenticator key.</summary>
public sealed class TwoFactorModel(UserManager<ChiboUser> users, SignInManager<ChiboUser> signIn) : PageModel
{
    public bool Enabled { get; private set; }

    public string SharedKey { get; private set; } = "";

    public string QrCodeDataUri { get; private set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Nhập mã xác thực.")]
    [RegularExpression(@"^\s*\d{6}\s*$", ErrorMessage = "Mã xác thực gồm 6 chữ số.")]
    public string Code { get; set; } = "";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await CurrentAsync();
        if (ModelState.IsValid)
        {
            var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code.Trim());
            if (valid)
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                await signIn.RefreshSignInAsync(user);
                TempData["Flash"] = "Đã bật xác thực hai bước.";
                return Redirect("/tai-khoan");
            }

            ModelState.AddModelError(nameof(Code), "Mã không đúng. Kiểm tra giờ trên điện thoại và thử mã mới.");
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>Turning the second factor off asks for a current code: a borrowed session alone cannot do it.</summary>
    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await CurrentAsync();
        if (!ModelState.IsValid
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code.Trim()))
        {
            ModelState.AddModelError(nameof(Code), "Nhập mã xác thực hiện tại để tắt xác thực hai bước.");
            await LoadAsync();
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "Đã tắt xác thực hai bước.";
        return Redirect("/tai-khoan");
    }

    private async Task<ChiboUser> CurrentAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");

    private async Task LoadAsync()
    {
        var user = await CurrentAsync();
        Enabled = user.TwoFactorEnabled;
        if (Enabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        SharedKey = string.Join(' ', key!.Chunk(4).Select(c => new string(c)));
        var uri = $"otpauth://totp/Chibo:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer=Chibo&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
