using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Training;

/// <summary>What a manager enters to open a class. The organiser is a training centre of the tree or a name.</summary>
public sealed record CreateClassRequest(
    TrainingKind Kind,
    string? Name,
    Guid OwnerId,
    Guid? OrganiserId,
    string? OrganiserName,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    string? Place);

/// <summary>Opens a class owned by a Party committee the user's organisation department serves.</summary>
public sealed class CreateClass(AppDbContext db, CurrentUser me)
{
    public async Task<Result<TrainingClass>> RunAsync(CreateClassRequest request, CancellationToken cancellationToken = default)
    {
        var owner = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.OwnerId, cancellationToken);
        if (owner is null || !TrainingAccess.OwnerKinds.Contains(owner.Kind) || !TrainingAccess.CanManage(me, owner))
        {
            return Result.Failure<TrainingClass>(new Error(TrainingErrors.Forbidden, "Bạn không quản lý lớp bồi dưỡng của cấp ủy này."));
        }

        var organiserName = Clean(request.OrganiserName);
        if (request.OrganiserId is { } organiserId)
        {
            organiserName = await db.Organisations.AsNoTracking()
                .Where(o => o.Id == organiserId && o.Kind == OrganisationKind.TrainingCentre)
                .Select(o => o.Name)
                .SingleOrDefaultAsync(cancellationToken);
            if (organiserName is null)
            {
                return Result.Failure<TrainingClass>(new Error("ORGANISER-UNKNOWN", "Không tìm thấy trung tâm chính trị đã chọn."));
            }
        }

        var errors = new List<Error>();
        if (Clean(request.Name) is null)
        {
            errors.Add(new Error("CLASS-NAME", "Nhập tên lớp."));
        }

        if (organiserName is null)
        {
            errors.Add(new Error("ORGANISER-MISSING", "Chọn trung tâm chính trị hoặc nhập tên đơn vị tổ chức lớp."));
        }

        if (Clean(request.Place) is null)
        {
            errors.Add(new Error("CLASS-PLACE", "Nhập địa điểm học."));
        }

        if (request.StartsOn is null || request.EndsOn is null)
        {
            errors.Add(new Error("CLASS-DATES", "Nhập ngày khai giảng và ngày bế giảng."));
        }
        else if (request.EndsOn < request.StartsOn)
        {
            errors.Add(new Error("CLASS-DATES", "Ngày bế giảng không thể trước ngày khai giảng."));
        }

        if (errors.Count > 0)
        {
            return Result.Failure<TrainingClass>(errors);
        }

        var training = new TrainingClass
        {
            Kind = request.Kind,
            Name = Clean(request.Name)!,
            OwnerId = owner.Id,
            OrganiserId = request.OrganiserId,
            OrganiserName = organiserName!,
            StartsOn = request.StartsOn!.Value,
            EndsOn = request.EndsOn!.Value,
            Place = Clean(request.Place)!,
            Status = TrainingStatus.Planned,
            CreatedBy = me.DisplayName,
        };
        db.TrainingClasses.Add(training);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(training);
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
