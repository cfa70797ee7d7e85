using System.Security.Cryptography;
using System.Text;
using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.AspNetCore.Http.Features;

namespace Chibo.Features.Imports;

/// <summary>
/// Keeps an uploaded sheet between the preview and the commit, in the data folder under a random token
/// bound to the user who sent it; a day later it is gone. Nothing of the sheet goes to a log.
/// </summary>
public sealed class ImportUploads(DatabaseSettings settings, TimeProvider clock)
{
    /// <summary>The largest sheet taken: 20,000 rows of a roll are a few megabytes.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    private string Folder => Path.Combine(settings.DataDirectory, "imports");

    public async Task<string> SaveAsync(Stream content, string userId, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        foreach (var old in Directory.EnumerateFiles(Folder, "*.xlsx"))
        {
            if (clock.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(old) > KeptFor)
            {
                File.Delete(old);
            }
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var file = new FileStream(PathOf(token, userId), FileMode.CreateNew, FileAccess.Write);
        await content.CopyToAsync(file, cancellationToken);
        return token;
    }

    /// <summary>The sheet sent by this user under this token; null when there is none (expired, or another user's).</summary>
    public Stream? Open(string? token, string userId)
    {
        if (token is not { Length: 32 } || !token.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var path = PathOf(token, userId);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read) : null;
    }

    public void Delete(string token, string userId)
    {
        if (Open(token, userId) is { } stream)
        {
            stream.Dispose();
            File.Delete(PathOf(token, userId));
        }
    }

    private string PathOf(string token, string userId) =>
        Path.Combine(Folder, $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..16]}-{token}.xlsx");

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
