using System.Security.Cryptography;
using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Imports;

/// <summary>
/// Keeps an uploaded sheet between the preview and the commit, in the database under a random token bound to
/// the user who sent it, so any instance behind the proxy can take the commit; a day later it is gone. Nothing
/// of the sheet goes to a log.
/// </summary>
public sealed class ImportUploads(AppDbContext db, TimeProvider clock)
{
    /// <summary>The largest sheet taken: 20,000 rows of a roll are a few megabytes.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public async Task<string> SaveAsync(Stream content, string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = now - KeptFor;
        await db.PendingUploads.Where(u => u.UploadedAt < expired).ExecuteDeleteAsync(cancellationToken);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var upload = new PendingUpload
        {
            Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UserId = userId,
            Content = buffer.ToArray(),
            UploadedAt = now,
        };
        db.PendingUploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(upload).State = EntityState.Detached;
        return upload.Token;
    }

    /// <summary>The sheet sent by this user under this token; null when there is none (expired, or another user's).</summary>
    public async Task<Stream?> OpenAsync(string? token, string userId, CancellationToken cancellationToken = default)
    {
        if (token is not { Length: 32 } || !token.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var expired = clock.GetUtcNow().UtcDateTime - KeptFor;
        var content = await db.PendingUploads.AsNoTracking()
            .Where(u => u.Token == token && u.UserId == userId && u.UploadedAt >= expired)
            .Select(u => u.Content)
            .FirstOrDefaultAsync(cancellationToken);
        return content is null ? null : new MemoryStream(content, writable: false);
    }

    public async Task DeleteAsync(string token, string userId, CancellationToken cancellationToken = default) =>
        await db.PendingUploads.Where(u => u.Token == token && u.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Refuses an upload over <see cref="MaxBytes"/> by its declared length before the form is read, and caps
    /// the body of one sent without a length, so the page can say why instead of failing on the form.
    /// </summary>
    public static void UseUploadLimit(IApplicationBuilder app) =>
        app.UseWhen(c => HttpMethods.IsPost(c.Request.Method) && c.Request.Path.StartsWithSegments(ImportPage.Path), branch => branch.Use(async (context, next) =>
        {
            var limit = MaxBytes + (64 * 1024);
            if (context.Request.ContentLength > limit)
            {
                context.Response.Redirect($"{ImportPage.Path}?qua-lon=true", permanent: false);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            await next(context);
        }));
}

/// <summary>Who may import into which schools: staff of a school over its subtree.</summary>
public static class ImportPage
{
    public const string Path = "/nhap-du-lieu";

    public static readonly Role[] Importers = [Role.Administrator, Role.StudentAffairs, Role.CellSecretary, Role.CellCommittee];

    /// <summary>The schools in the user's subtrees where they hold an importer role.</summary>
    public static IQueryable<Organisation> Targets(AppDbContext db, CurrentUser me) =>
        db.Organisations.Within(me.PathsFor(Importers)).Where(o => o.Kind == OrganisationKind.School);
}
