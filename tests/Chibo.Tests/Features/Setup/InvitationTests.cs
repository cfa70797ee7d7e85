using System.Net;
using System.Text.RegularExpressions;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Chibo.Tests.Features.Setup.SetupTests;

namespace Chibo.Tests.Features.Setup;

/// <summary>Invitations through HTTP: one-time links and slip codes, expiry, scope, and no password anywhere.</summary>
public abstract partial class InvitationTests(DatabaseProvider provider)
{
    [Fact]
    public async Task ALink_MakesOneAccount_WithTheInvitersRoleAndScope_AndWorksOnlyOnce()
    {
        await using var app = await EmptyInstallation.StartAsync(provider);
        using var admin = await app.SignInAsAdminAsync();
        using (await PostAsync(admin, "/thiet-lap?handler=Organisation", OrganisationFields())) { }

        var (issued, password) = await InvitationFlow.InviteAndSignUpAsync(app, admin, "Nguyễn Văn Đoàn", Role.UnionSecretary, "Đoàn Trường Cao đẳng Điều dưỡng Hà Đông", "doantruong");

        await using (var db = app.Database.CreateContext())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "doantruong");
            var grant = await db.RoleAssignments.Include(r => r.Organisation).SingleAsync(r => r.UserId == user.Id);
            Assert.Equal("Nguyễn Văn Đoàn", user.DisplayName);
            Assert.False(user.MustChangePassword);
            Assert.Equal(Role.UnionSecretary, grant.Role);
            Assert.Equal("Đoàn Trường Cao đẳng Điều dưỡng Hà Đông", grant.Organisation!.Name);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "signup" && a.EntityType == nameof(Invitation)));

            // Neither the password, nor the link's token, nor the slip's code is stored or logged anywhere.
            var audit = string.Join("\n", await db.AuditEntries.Select(a => a.Changes ?? "").ToListAsync());
            Assert.DoesNotContain(password, audit, StringComparison.Ordinal);
            Assert.DoesNotContain(issued.Token, audit, StringComparison.Ordinal);
            Assert.DoesNotContain(issued.Code.Replace("-", "", StringComparison.Ordinal), audit, StringComparison.Ordinal);
            Assert.False(await db.Invitations.AnyAsync(i => i.TokenHash == issued.Token || i.CodeHash == issued.Code));
        }

        using var signedIn = await SignIn.AsAsync(app.Factory, "doantruong", password);
        var invitations = await admin.GetStringAsync(new Uri("/moi", UriKind.Relative));
        Assert.DoesNotContain(password, invitations, StringComparison.Ordinal);
        Assert.Contains("Đã đăng ký", invitations);

        using var anonymous = app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        using var reused = await PostAsync(anonymous, $"/dang-ky?t={Uri.EscapeDataString(issued.Token)}", InvitationFlow.SignUpFields("doantruong2", "Matkhau2024Moi"));
        Assert.Contains("Lời mời này đã được dùng", await reused.Content.ReadAsStringAsync());
        await using var after = app.Database.CreateContext();
        Assert.False(await after.Users.AnyAsync(u => u.UserName == "doantruong2"));
    }

    [Fact]
    public async Task ASlipCode_Works_AWrongOneDoesNot_AnExpiredOrRevokedOneDoesNot()
    {
        await using var app = await EmptyInstallation.StartAsync(provider);
        using var admin = await app.SignInAsAdminAsync();
        using (await PostAsync(admin, "/thiet-lap?handler=Organisation", OrganisationFields())) { }
        using var anonymous = app.Factory.CreateClient(new() { AllowAutoRedirect = false });

        using (var wrong = await PostAsync(anonymous, "/dang-ky", [new("Code", "ABCDE-FGHJK"), .. InvitationFlow.SignUpFields("sai.ma", "Matkhau2024Moi")]))
        {
            Assert.Contains("Mã mời không đúng", await wrong.Content.ReadAsStringAsync());
        }

        var slip = await InvitationFlow.InviteAsync(admin, "Trần Thị Chủ Nhiệm", Role.HomeroomTeacher, "Trường Cao đẳng Điều dưỡng Hà Đông");
        var expiring = await InvitationFlow.InviteAsync(admin, "Lê Hết Hạn", Role.Student, "Trường Cao đẳng Điều dưỡng Hà Đông");
        var revoked = await InvitationFlow.InviteAsync(admin, "Phạm Thu Hồi", Role.Student, "Trường Cao đẳng Điều dưỡng Hà Đông");
        await using (var db = app.Database.CreateContext())
        {
            await db.Invitations.Where(i => i.DisplayName == "Lê Hết Hạn").ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
            var toRevoke = await db.Invitations.SingleAsync(i => i.DisplayName == "Phạm Thu Hồi");
            using var revoke = await PostAsync(admin, "/moi?handler=Revoke", [new("id", toRevoke.Id.ToString()), new("version", toRevoke.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        }

        using (var byCode = await PostAsync(anonymous, "/dang-ky", [new("Code", slip.Code.ToLowerInvariant()), .. InvitationFlow.SignUpFields("gvcn.moi", "Matkhau2024Moi")]))
        {
            Assert.Equal("/dang-nhap", byCode.Headers.Location?.OriginalString);
        }

        using (var late = await PostAsync(anonymous, $"/dang-ky?t={Uri.EscapeDataString(expiring.Token)}", InvitationFlow.SignUpFields("het.han", "Matkhau2024Moi")))
        {
            Assert.Contains("Lời mời đã hết hạn", await late.Content.ReadAsStringAsync());
        }

        using (var withdrawn = await PostAsync(anonymous, "/dang-ky", [new("Code", revoked.Code), .. InvitationFlow.SignUpFields("thu.hoi", "Matkhau2024Moi")]))
        {
            Assert.Contains("Lời mời này đã bị thu hồi", await withdrawn.Content.ReadAsStringAsync());
        }

        await using var check = app.Database.CreateContext();
        Assert.Equal(["admin", "gvcn.moi"], await check.Users.OrderBy(u => u.UserName).Select(u => u.UserName!).ToListAsync());
    }

    [Fact]
    public async Task AnInviter_InvitesOnlyIntoHerSubtree_AndOnlyRolesHerRoleMayGrant()
    {
        await using var app = await EmptyInstallation.StartAsync(provider);
        using var admin = await app.SignInAsAdminAsync();
        using (await PostAsync(admin, "/thiet-lap?handler=Organisation", OrganisationFields())) { }
        var (_, password) = await InvitationFlow.InviteAndSignUpAsync(app, admin, "Nguyễn Văn Đoàn", Role.UnionSecretary, "Đoàn Trường Cao đẳng Điều dưỡng Hà Đông", "doantruong");
        using var union = await SignIn.AsAsync(app.Factory, "doantruong", password);
        var page = await union.GetStringAsync(new Uri("/moi", UriKind.Relative));
        Assert.DoesNotContain("Phòng Công tác HSSV", page);
        Assert.DoesNotContain(">Chi ủy viên<", page);

        await using var db = app.Database.CreateContext();
        var unionOrg = await db.Organisations.SingleAsync(o => o.Kind == OrganisationKind.UnionSchool);
        var office = await db.Organisations.SingleAsync(o => o.Name == "Phòng Công tác HSSV");
        using (var higherRole = await PostAsync(union, "/moi", InvitationFlow.InviteFields("Ai Đó", Role.CellCommittee, unionOrg.Id)))
        using (var outside = await PostAsync(union, "/moi", InvitationFlow.InviteFields("Ai Khác", Role.Student, office.Id)))
        {
            Assert.Contains("Bạn chỉ mời được vào tổ chức trong phạm vi của mình", await higherRole.Content.ReadAsStringAsync());
            Assert.Contains("Bạn chỉ mời được vào tổ chức trong phạm vi của mình", await outside.Content.ReadAsStringAsync());
        }

        using (var allowed = await PostAsync(union, "/moi", InvitationFlow.InviteFields("Bí Thư Chi Đoàn", Role.BranchSecretary, unionOrg.Id)))
        {
            Assert.Contains("Phiếu mời tham gia Chibo", await allowed.Content.ReadAsStringAsync());
        }

        Assert.Equal(2, await db.Invitations.CountAsync());
    }
}

/// <summary>Inviting and signing up through the pages, as the inviter and the invited person do.</summary>
public static partial class InvitationFlow
{
    public sealed record Issued(string Token, string Code);

    public static Dictionary<string, string> InviteFields(string name, Role role, Guid organisationId) => new()
    {
        ["DisplayName"] = name,
        ["Role"] = role.ToString(),
        ["OrganisationId"] = organisationId.ToString(),
        ["Days"] = "7",
    };

    public static KeyValuePair<string, string>[] SignUpFields(string userName, string password) =>
        [new("UserName", userName), new("Password", password), new("ConfirmPassword", password)];

    public static async Task<Issued> InviteAsync(HttpClient inviter, string name, Role role, string organisationName)
    {
        var form = await inviter.GetStringAsync(new Uri("/moi", UriKind.Relative));
        var organisation = Regex.Match(form, $"<option value=\"([^\"]+)\">{Regex.Escape(organisationName)}</option>").Groups[1].Value;
        using var response = await PostAsync(inviter, "/moi", InviteFields(name, role, Guid.Parse(organisation)));
        var html = await response.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(LinkToken().Match(html).Groups[1].Value);
        var code = CodeText().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token) || string.IsNullOrEmpty(code), "The invitation page shows no link or code.");
        return new Issued(Uri.UnescapeDataString(token), code);
    }

    /// <summary>Invites, then signs up through the link; returns the password the invited person chose.</summary>
    public static async Task<(Issued Issued, string Password)> InviteAndSignUpAsync(EmptyInstallation app, HttpClient inviter, string name, Role role, string organisationName, string userName)
    {
        var issued = await InviteAsync(inviter, name, role, organisationName);
        const string password = "Doan2024Matkhau";
        using var anonymous = app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var form = await anonymous.GetStringAsync(new Uri($"/dang-ky?t={Uri.EscapeDataString(issued.Token)}", UriKind.Relative));
        Assert.Contains(name, form);
        using var signedUp = await PostAsync(anonymous, $"/dang-ky?t={Uri.EscapeDataString(issued.Token)}", SignUpFields(userName, password));
        Assert.Equal("/dang-nhap", signedUp.Headers.Location?.OriginalString);
        return (issued, password);
    }

    [GeneratedRegex("id=\"invite-link\">[^<]*\\?t=([^<\"]+)<")]
    private static partial Regex LinkToken();

    [GeneratedRegex("id=\"invite-code\">([A-Z0-9-]+)<")]
    private static partial Regex CodeText();
}

public sealed class InvitationTestsOnSqlite() : InvitationTests(DatabaseProvider.Sqlite);

public sealed class InvitationTestsOnPostgres() : InvitationTests(DatabaseProvider.Postgres);
