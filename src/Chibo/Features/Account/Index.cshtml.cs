using Chibo.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chibo.Features.Account;

public sealed class IndexModel(UserManager<ChiboUser> users) : PageModel
{
    public string UserName { get; private set; } = "";

    public bool TwoFactorEnabled { get; private set; }

    public async Task OnGetAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        UserName = user.UserName ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
    }
}
