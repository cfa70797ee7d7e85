using Chibo.Domain.Calendar;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chibo.Features.Dossiers;

/// <summary><c>POST /api/v1/dossiers/check</c>: the same appraisal as <c>chibo check --json</c>, for one dossier in the body.</summary>
public static class DossiersApi
{
    /// <summary>Largest body accepted: a real dossier is a few kilobytes.</summary>
    private const int MaxBodyBytes = 1 << 20;

    public static RouteGroupBuilder MapDossiersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/dossiers");
        group.MapPost("/check", CheckAsync)
            .WithName("CheckDossier")
            .DisableAntiforgery();
        return group;
    }

    /// <summary>200 with the report, or 400 ProblemDetails whose <c>path</c> extension names the bad place in the input.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> CheckAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > MaxBodyBytes)
            {
                return TypedResults.Problem(
                    title: "Hồ sơ quá lớn",
                    detail: $"Hồ sơ vượt quá {MaxBodyBytes / 1024} KB.",
                    statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["path"] = "$" });
            }

            body.Write(buffer, 0, read);
        }

        var dossier = DossierReader.Read(body.GetBuffer().AsMemory(0, (int)body.Length));
        if (!dossier.IsSuccess)
        {
            var error = dossier.Errors[0];
            return TypedResults.Problem(
                title: "Hồ sơ không đọc được",
                detail: $"{error.Path}: {error.Message}",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["path"] = error.Path, ["code"] = error.Code });
        }

        var report = DossierCheck.Run(dossier.Value, Rulebooks.Vietnam, WorkingCalendar.Vietnam);
        return TypedResults.Content(DossierJson.Serialize(null, report), "application/json; charset=utf-8");
    }
}
