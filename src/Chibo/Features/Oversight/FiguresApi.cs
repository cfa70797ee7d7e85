using Chibo.Access;
using Chibo.Data;
using Chibo.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chibo.Features.Oversight;

/// <summary><c>GET /api/v1/organisations/{id}/figures</c>: the dashboard's figures as JSON, scoped as the dashboard page is.</summary>
public static class FiguresApi
{
    public static RouteGroupBuilder MapFiguresApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisations");
        group.MapGet("/{id:guid}/figures", GetAsync)
            .WithName("GetOrganisationFigures")
            .WithSummary("Số liệu tổng quan của một tổ chức đảng (gộp mọi tổ chức trực thuộc) trong một năm hoặc nửa năm")
            .WithDescription("year: năm (mặc định năm nay); half: 1 hoặc 2 cho 6 tháng đầu hoặc cuối năm. Cần đăng nhập (cookie) và quyền xem tổng quan của tổ chức: 401, 403, 404 trả ProblemDetails.")
            .Produces<OrganisationFigures>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Results<Ok<OrganisationFigures>, ProblemHttpResult>> GetAsync(
        Guid id, int? year, int? half, CurrentUser me, AppDbContext db, Figures figures, ChiboClock clock, CancellationToken cancellationToken)
    {
        if (!me.IsSignedIn)
        {
            return TypedResults.Problem(title: "Chưa đăng nhập", detail: "Hãy đăng nhập để xem số liệu.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var period = new Period(year ?? clock.Today.Year, half);
        if (!period.IsValid)
        {
            return TypedResults.Problem(title: "Kỳ không hợp lệ", detail: "year phải từ 2000 đến 2100, half là 1 hoặc 2.", statusCode: StatusCodes.Status400BadRequest);
        }

        var organisation = await OversightAccess.FindAsync(db, id, cancellationToken);
        if (organisation is null)
        {
            return TypedResults.Problem(title: "Không tìm thấy", detail: "Không có tổ chức đảng này.", statusCode: StatusCodes.Status404NotFound);
        }

        if (!OversightAccess.CanRead(me, organisation))
        {
            return TypedResults.Problem(title: "Không có quyền", detail: "Tổ chức này nằm ngoài phạm vi của bạn.", statusCode: StatusCodes.Status403Forbidden);
        }

        return TypedResults.Ok(await figures.ComputeAsync(organisation, period, clock.Today, cancellationToken));
    }
}
