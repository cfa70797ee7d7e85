using Chibo.Data;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Chibo.Http;

/// <summary>
/// Reads a multipart form (an uploaded sheet, photo or document) after the page's size limits and before
/// antiforgery. Antiforgery reports any failure to read the form as a bad token (400): a file over 64 KB that
/// could not be buffered because the disk is full would get a generic error page. Read here, the full disk
/// reaches <see cref="DatabaseFaults"/> and the user reads that the server is out of space (507).
/// </summary>
public sealed class UploadsReadFirst : IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>After [RequestSizeLimit] and [RequestFormLimits] (900), before antiforgery (1000).</summary>
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) != true)
        {
            return;
        }

        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception ex) when ((ex is IOException or InvalidDataException) && !DatabaseSetup.IsStorageFull(ex))
        {
            // Too large, cut off, malformed: antiforgery and the page report these as before.
        }
    }
}
