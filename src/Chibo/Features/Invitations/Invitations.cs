using System.Security.Cryptography;
using System.Text;
using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Invitations;

public sealed record InvitationRequest(string? DisplayName, Role Role, Guid OrganisationId, int Days);

/// <summary>An invitation just made: the link's token and the slip's code exist only here, once.</summary>
public sealed record IssuedInvitation(Invitation Invitation, string OrganisationName, string Token, string Code);

public sealed record SignUpRequest(string? Token, string? Code, string? UserName, string? Password, string? ConfirmPassword);

/// <summary>
/// Invitations to the team: the inviter fixes the role and the organisation (inside her own subtree, and
/// only roles her own role may grant); the invited person chooses her user name and password through a
/// one-time link or the code of a printed slip. Only hashes of the token and the code are stored, no
/// password is ever made or sent, and the account, its role and the invitation's use are one transaction.
/// </summary>
public sealed class Invitations(AppDbContext db, CurrentUser me, TimeProvider clock, UserManager<ChiboUser> users, AuditLog audit)
{
    public const int MaxDays = 30;
    public const int DefaultDays = 7;
    public const string Invalid = "INVITATION-INVALID";

    // No 0/O, 1/I/L: a code is read off paper.
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>Which roles a holder of each role may hand out (within the subtree she holds it over).</summary>
    private static readonly Dictionary<Role, Role[]> Grants = new()
    {
        [Role.Administrator] = [.. Enum.GetValues<Role>().Where(r => r != Role.Administrator)],
        [Role.OrganisationDepartment] = [.. Enum.GetValues<Role>().Where(r => r != Role.Administrator)],
        [Role.CellSecretary] = [Role.CellCommittee, Role.PartyMember, Role.UnionSecretary, Role.BranchSecretary, Role.StudentAffairs, Role.HomeroomTeacher, Role.Student, Role.Editor],
        [Role.CellCommittee] = [Role.PartyMember, Role.UnionSecretary, Role.BranchSecretary, Role.StudentAffairs, Role.HomeroomTeacher, Role.Student, Role.Editor],
        [Role.UnionSecretary] = [Role.BranchSecretary, Role.Student],
    };

    /// <summary>Roles that may invite anyone at all.</summary>
    public static IReadOnlyCollection<Role> Inviters => Grants.Keys;

    /// <summary>The roles this user may grant over the organisation at <paramref name="path"/>.</summary>
    public static IReadOnlyList<Role> GrantableAt(CurrentUser me, string path) =>
        [.. Grants.Where(g => me.Holds(path, g.Key)).SelectMany(g => g.Value).Distinct().Order()];

    /// <summary>Organisations this user may invite into.</summary>
    public IQueryable<Organisation> Targets() => db.Organisations.AsNoTracking().Within(me.PathsFor([.. Grants.Keys]));

    public async Task<Result<IssuedInvitation>> CreateAsync(InvitationRequest request, CancellationToken cancellationToken = default)
    {
        var name = Clean(request.DisplayName);
        var errors = new List<Error>();
        if (name is null || name.Length > 200)
        {
            errors.Add(new Error("NAME-MISSING", "Hãy nhập họ và tên người được mời (không quá 200 ký tự).", nameof(request.DisplayName)));
        }

        if (request.Days is < 1 or > MaxDays)
        {
            errors.Add(new Error("DAYS", $"Lời mời có hạn từ 1 đến {MaxDays} ngày.", nameof(request.Days)));
        }

        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.OrganisationId, cancellationToken);
        if (organisation is null || !GrantableAt(me, organisation.Path).Contains(request.Role))
        {
            errors.Add(new Error("ROLE-NOT-GRANTABLE", "Bạn chỉ mời được vào tổ chức trong phạm vi của mình, với vai trò mà vai trò của bạn được giao.", nameof(request.Role)));
        }

        if (errors.Count > 0)
        {
            return Result.Failure<IssuedInvitation>(errors);
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var code = new string(RandomNumberGenerator.GetItems<char>(CodeAlphabet, 10));
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = new Invitation
        {
            TokenHash = Hash(token),
            CodeHash = Hash(code),
            DisplayName = name!,
            Role = request.Role,
            OrganisationId = organisation!.Id,
            InvitedByUserId = me.UserId!,
            CreatedAt = now,
            ExpiresAt = now.AddDays(request.Days),
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(new IssuedInvitation(invitation, organisation.Name, token, $"{code[..5]}-{code[5..]}"));
    }

    /// <summary>Withdraws an unused invitation: its link and code stop working at once.</summary>
    public async Task<Result<Invitation>> RevokeAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var invitation = await db.Invitations.Include(i => i.Organisation).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invitation is null || !GrantableAt(me, invitation.Organisation!.Path).Contains(invitation.Role))
        {
            return Result.Failure<Invitation>(new Error("NOT-FOUND", "Không tìm thấy lời mời."));
        }

        if (invitation.Version != version)
        {
            return Result.Failure<Invitation>(new Error("CONFLICT", "Lời mời vừa được người khác thay đổi (đã dùng hoặc đã thu hồi). Hãy tải lại trang."));
        }

        if (invitation.UsedAt is not null || invitation.RevokedAt is not null)
        {
            return Result.Failure<Invitation>(new Error("CLOSED", "Lời mời đã được dùng hoặc đã thu hồi."));
        }

        invitation.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(invitation);
    }

    /// <summary>The open invitation a link or slip names, or why it cannot be used.</summary>
    public async Task<Result<Invitation>> FindAsync(string? token, string? code, CancellationToken cancellationToken = default)
    {
        var normalisedCode = code is null ? null : string.Concat(code.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit));
        var hash = !string.IsNullOrWhiteSpace(token) ? Hash(token.Trim()) : normalisedCode is { Length: 10 } ? Hash(normalisedCode) : null;
        var invitation = hash is null ? null : await db.Invitations.Include(i => i.Organisation)
            .SingleOrDefaultAsync(i => i.TokenHash == hash || i.CodeHash == hash, cancellationToken);
        if (invitation is null)
        {
            return Result.Failure<Invitation>(new Error(Invalid, string.IsNullOrWhiteSpace(token)
                ? "Mã mời không đúng. Hãy kiểm tra lại mã trên phiếu mời (10 ký tự, không có số 0 và số 1)."
                : "Đường dẫn mời không đúng. Hãy mở lại đường dẫn đầy đủ người mời đã gửi."));
        }

        if (invitation.UsedAt is not null)
        {
            return Result.Failure<Invitation>(new Error("INVITATION-USED", "Lời mời này đã được dùng để tạo tài khoản. Nếu đó là bạn, hãy đăng nhập."));
        }

        if (invitation.RevokedAt is not null)
        {
            return Result.Failure<Invitation>(new Error("INVITATION-REVOKED", "Lời mời này đã bị thu hồi. Hãy xin người mời một lời mời mới."));
        }

        if (invitation.ExpiresAt <= clock.GetUtcNow().UtcDateTime)
        {
            return Result.Failure<Invitation>(new Error("INVITATION-EXPIRED", $"Lời mời đã hết hạn lúc {Local(invitation.ExpiresAt):HH:mm dd/MM/yyyy}. Hãy xin người mời một lời mời mới."));
        }

        return Result.Success(invitation);
    }

    /// <summary>Creates the account the invitation describes, with the password its owner chose; the invitation is then used up.</summary>
    public async Task<Result<ChiboUser>> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<Error>();
        var userName = request.UserName?.Trim();
        if (string.IsNullOrEmpty(userName) || userName.Length > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            errors.Add(new Error("USERNAME", "Tên đăng nhập gồm chữ không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang (tối đa 64 ký tự).", nameof(request.UserName)));
        }

        if (string.IsNullOrEmpty(request.Password) || request.Password != request.ConfirmPassword)
        {
            errors.Add(new Error("PASSWORD-MISMATCH", "Hãy nhập mật khẩu hai lần giống nhau.", nameof(request.Password)));
        }

        if (errors.Count > 0)
        {
            return Result.Failure<ChiboUser>(errors);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var found = await FindAsync(request.Token, request.Code, cancellationToken);
            if (!found.IsSuccess)
            {
                return Result.Failure<ChiboUser>(found.Errors);
            }

            var invitation = found.Value;
            var user = new ChiboUser { UserName = userName, DisplayName = invitation.DisplayName };
            var created = await users.CreateAsync(user, request.Password!);
            if (!created.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return Result.Failure<ChiboUser>([.. created.Errors.Select(e => new Error("ACCOUNT", Account.IdentityMessages.Of(e)))]);
            }

            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = invitation.Role, OrganisationId = invitation.OrganisationId });
            invitation.UsedAt = clock.GetUtcNow().UtcDateTime;
            invitation.UsedByUserId = user.Id;
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync("signup", nameof(Invitation), invitation.Id.ToString(), new { userId = user.Id, role = invitation.Role.ToString(), organisationId = invitation.OrganisationId }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Result.Success(user);
        });
    }

    public static DateTime Local(DateTime utc) => utc.AddHours(7);

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
