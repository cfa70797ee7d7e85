using Chibo.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Chibo.Http;

/// <summary>
/// A request that fails because the database is unreachable (after the execution strategy's short retries) or
/// the disk is full answers 503 or 507 at once, with a Vietnamese page or a ProblemDetails, instead of a
/// generic 500. The next request reaches the database again as soon as it is back: nothing here remembers.
/// </summary>
public sealed class DatabaseFaults(IProblemDetailsService problems, ILogger<DatabaseFaults> log) : IExceptionHandler
{
    public const string UnavailableTitle = "Hệ thống tạm thời không kết nối được cơ sở dữ liệu";
    public const string UnavailableDetail = "Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Xin thử lại sau ít phút; dữ liệu đã lưu trước đó không bị ảnh hưởng.";
    public const string FullTitle = "Máy chủ hết chỗ lưu dữ liệu";
    public const string FullDetail = "Máy chủ hết chỗ lưu dữ liệu nên chưa ghi được gì. Không có dữ liệu nào bị ghi dở; hãy báo cho quản trị hệ thống rồi thử lại.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = DatabaseSetup.IsStorageFull(exception) ? (StatusCodes.Status507InsufficientStorage, FullTitle, FullDetail)
            : DatabaseSetup.IsTransient(exception) ? (StatusCodes.Status503ServiceUnavailable, UnavailableTitle, UnavailableDetail)
            : (0, "", "");
        if (status == 0 || httpContext.Response.HasStarted)
        {
            return false;
        }

        // The page asked for, not the error page the exception handler has re-routed the request to.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        // The kind of failure only: messages may quote data.
        log.LogWarning("{Path} answered {Status}: {Error}", path, status, exception.GetType().Name);
        httpContext.Response.StatusCode = status;
        httpContext.Response.Headers.RetryAfter = "10";
        if (new PathString(path).StartsWithSegments("/api"))
        {
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
                Exception = exception,
            });
        }

        // A page of its own: the site's layout reads the database (the signed-in user, the bell) and would fail again.
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        await httpContext.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="vi">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title} — Chibo</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main><section class="narrow card"><h1>{title}</h1><p>{detail}</p><p><a href="{new PathString(path)}">Thử lại</a></p></section></main></body>
            </html>
            """, cancellationToken);
        return true;
    }
}
