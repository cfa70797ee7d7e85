using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Oversight;

/// <summary>A target as typed: the total and the optional quarters, with the version the editor read (null when there was none).</summary>
public sealed record TargetInput(Guid OrganisationId, int? Total, int?[] Quarters, int? Version);

/// <summary>An organisation's yearly target and its split among the party organisations directly below it, saved together.</summary>
public sealed record SetTargetsRequest(Guid OrganisationId, int Year, TargetInput Own, IReadOnlyList<TargetInput> Children);

/// <summary>
/// Sets an organisation's admission target for a year and splits it among the organisations below. The
/// committee over them does this: its organisation department (or an administrator) holding a role over
/// the organisation. All rows are written in one transaction or none; a row changed since it was read is a conflict.
/// </summary>
public sealed class SetTargets(AppDbContext db, CurrentUser me)
{
    public static readonly Role[] Editors = [Role.OrganisationDepartment, Role.Administrator];

    public bool CanEdit(Organisation organisation) => me.Holds(organisation.Path, Editors);

    public async Task<Result<int>> RunAsync(SetTargetsRequest request, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.OrganisationId, cancellationToken);
        if (organisation is null || !CanEdit(organisation))
        {
            return Result.Failure<int>(new Error("TARGET-FORBIDDEN", "Bạn không có quyền giao chỉ tiêu cho tổ chức này."));
        }

        if (request.Year is < 2000 or > 2100)
        {
            return Result.Failure<int>(new Error("TARGET-YEAR", "Năm không hợp lệ."));
        }

        var inputs = request.Children.Prepend(request.Own).ToList();
        if (inputs.Any(i => i.Total < 0 || i.Quarters.Any(q => q < 0)))
        {
            return Result.Failure<int>(new Error("TARGET-NEGATIVE", "Chỉ tiêu phải là số không âm."));
        }

        if (inputs.FirstOrDefault(i => i.Quarters.Any(q => q is not null) && (i.Total is null || i.Quarters.Sum(q => q ?? 0) > i.Total)) is not null)
        {
            return Result.Failure<int>(new Error("TARGET-QUARTERS", "Tổng chỉ tiêu các quý không được vượt chỉ tiêu cả năm."));
        }

        var split = request.Children.Sum(c => c.Total ?? 0);
        if (split > 0 && request.Own.Total is null)
        {
            return Result.Failure<int>(new Error("TARGET-NO-TOTAL", "Hãy đặt chỉ tiêu của tổ chức trước khi giao cho các tổ chức trực thuộc."));
        }

        if (split > request.Own.Total)
        {
            return Result.Failure<int>(new Error("TARGET-SPLIT",
                $"Tổng chỉ tiêu giao cho các tổ chức trực thuộc ({split}) vượt chỉ tiêu của {organisation.Name} ({request.Own.Total})."));
        }

        var childIds = request.Children.Select(c => c.OrganisationId).ToList();
        var below = await db.Organisations.CountAsync(o => childIds.Contains(o.Id) && o.ParentId == organisation.Id && Figures.PartyKinds.Contains(o.Kind), cancellationToken);
        if (below != childIds.Distinct().Count())
        {
            return Result.Failure<int>(new Error("TARGET-CHILD", "Chỉ giao chỉ tiêu được cho tổ chức đảng trực thuộc."));
        }

        var ids = inputs.Select(i => i.OrganisationId).ToList();
        var existing = await db.AdmissionTargets.Where(t => t.Year == request.Year && ids.Contains(t.OrganisationId))
            .ToDictionaryAsync(t => t.OrganisationId, cancellationToken);
        var changed = 0;
        foreach (var input in inputs)
        {
            var row = existing.GetValueOrDefault(input.OrganisationId);
            if (row?.Version != input.Version)
            {
                return Conflict();
            }

            if (input.Total is null)
            {
                if (row is not null)
                {
                    db.AdmissionTargets.Remove(row);
                    changed++;
                }

                continue;
            }

            if (row is null)
            {
                row = new AdmissionTarget { OrganisationId = input.OrganisationId, Year = request.Year };
                db.AdmissionTargets.Add(row);
            }

            if (row.Total != input.Total || !row.Quarters.SequenceEqual(input.Quarters) || db.Entry(row).State == EntityState.Added)
            {
                row.Total = input.Total.Value;
                (row.Quarter1, row.Quarter2, row.Quarter3, row.Quarter4) = (input.Quarters[0], input.Quarters[1], input.Quarters[2], input.Quarters[3]);
                changed++;
            }
        }

        try
        {
            // One SaveChanges is one transaction: every row with its audit entry, or nothing.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Conflict();
        }

        return Result.Success(changed);
    }

    private static Result<int> Conflict() =>
        Result.Failure<int>(new Error("TARGET-CONFLICT", "Chỉ tiêu vừa được người khác sửa; trang đã hiện số mới nhất, hãy xem lại rồi lưu lần nữa."));
}
