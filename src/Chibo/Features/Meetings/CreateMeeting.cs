using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Meetings;

public sealed record CreateMeetingRequest(
    Guid OrganisationId,
    MeetingKind Kind,
    DateOnly Date,
    TimeOnly StartTime,
    string Place,
    Guid ChairPersonId,
    Guid SecretaryPersonId,
    string? Topic = null,
    string? Number = null);

/// <summary>
/// Opens a meeting in an organisation's minutes book and takes the roll of a cell on the meeting's date,
/// every member marked present until the secretary says otherwise.
/// </summary>
public sealed class CreateMeeting(AppDbContext db, CurrentUser me)
{
    public async Task<Result<Meeting>> RunAsync(CreateMeetingRequest request, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.OrganisationId, cancellationToken);
        if (organisation is null || !MeetingAccess.CanEdit(me, organisation))
        {
            return Result.Failure<Meeting>(new Error(MeetingErrors.Forbidden, "Bạn không giữ sổ biên bản của tổ chức này."));
        }

        if (!MeetingAccess.KindsFor(organisation.Kind).Contains(request.Kind))
        {
            return Result.Failure<Meeting>(new Error("MEETING-KIND", $"{organisation.Name} không tổ chức loại họp \"{MeetingLabels.Of(request.Kind)}\"."));
        }

        if (string.IsNullOrWhiteSpace(request.Place))
        {
            return Result.Failure<Meeting>(new Error("MEETING-PLACE", "Nhập địa điểm họp."));
        }

        if (MeetingErrors.FirstTooLong(("Địa điểm", request.Place, 300), ("Chủ đề", request.Topic, 500), ("Số biên bản", request.Number, 60)) is { } tooLong)
        {
            return Result.Failure<Meeting>(tooLong);
        }

        var roll = MeetingRoll.IsTaken(request.Kind)
            ? await MeetingRoll.OnAsync(db, organisation.Id, request.Date, cancellationToken)
            : await MeetingRoll.UnionOnAsync(db, organisation, request.Date, cancellationToken);
        if (MeetingRoll.IsTaken(request.Kind))
        {
            var members = roll.Where(r => MeetingRoll.CanPreside(r.Category)).Select(r => r.PersonId).ToHashSet();
            var errors = new List<Error>();
            if (!members.Contains(request.ChairPersonId))
            {
                errors.Add(new Error("CHAIR-NOT-MEMBER", $"Người chủ trì phải là đảng viên của {organisation.Name} vào ngày {request.Date:dd/MM/yyyy}."));
            }

            if (!members.Contains(request.SecretaryPersonId))
            {
                errors.Add(new Error("SECRETARY-NOT-MEMBER", $"Thư ký cuộc họp phải là đảng viên của {organisation.Name} vào ngày {request.Date:dd/MM/yyyy}."));
            }

            if (errors.Count > 0)
            {
                return Result.Failure<Meeting>(errors);
            }
        }
        else if (await db.People.CountAsync(p => p.Id == request.ChairPersonId || p.Id == request.SecretaryPersonId, cancellationToken) < (request.ChairPersonId == request.SecretaryPersonId ? 1 : 2))
        {
            return Result.Failure<Meeting>(new Error("CHAIR-UNKNOWN", "Chọn người chủ trì và thư ký trong danh sách."));
        }

        var meeting = new Meeting
        {
            OrganisationId = organisation.Id,
            Kind = request.Kind,
            Topic = Clean(request.Topic),
            Date = request.Date,
            StartTime = request.StartTime,
            Place = request.Place.Trim(),
            ChairPersonId = request.ChairPersonId,
            SecretaryPersonId = request.SecretaryPersonId,
            Number = Clean(request.Number),
            CreatedBy = me.DisplayName,
        };
        foreach (var member in roll)
        {
            meeting.Attendance.Add(new MeetingAttendance { PersonId = member.PersonId, Category = member.Category, Status = AttendanceStatus.Present });
        }

        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(meeting);
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The stable codes of meeting refusals that callers test for.</summary>
public static class MeetingErrors
{
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT-FOUND";
    public const string Signed = "MINUTES-SIGNED";
    public const string Conflict = "MEETING-CONFLICT";
    public const string TooLong = "TEXT-TOO-LONG";

    /// <summary>The first text longer than its column allows, as a refusal naming the field.</summary>
    public static Error? FirstTooLong(params ReadOnlySpan<(string Label, string? Text, int Max)> fields)
    {
        foreach (var (label, text, max) in fields)
        {
            if (text?.Trim().Length > max)
            {
                return new Error(TooLong, $"{label} dài {text.Trim().Length} ký tự, vượt quá {max} ký tự cho phép.");
            }
        }

        return null;
    }
}

/// <summary>A cell's members on a date, by category: who is on the roll of a meeting held that day.</summary>
public static class MeetingRoll
{
    public sealed record Member(Guid PersonId, string FullName, MemberCategory Category);

    public static bool IsTaken(MeetingKind kind) => kind is MeetingKind.Regular or MeetingKind.Thematic or MeetingKind.Extraordinary or MeetingKind.AdmissionCeremony;

    /// <summary>Only the cell's own members chair or keep the minutes; an attached member takes part but does not lead.</summary>
    public static bool CanPreside(MemberCategory category) => category is MemberCategory.Official or MemberCategory.Probationary;

    /// <summary>
    /// A union body's roll: a branch's union members who had joined by the date, or the people holding a
    /// position in a committee on the date. A branch's membership is held as the member's current branch with
    /// the joining date; earlier moves between branches are not recorded, so an old meeting takes today's branch.
    /// </summary>
    public static async Task<List<Member>> UnionOnAsync(AppDbContext db, Organisation union, DateOnly date, CancellationToken cancellationToken = default)
    {
        var rows = union.Kind == OrganisationKind.UnionBranch
            ? await db.People.AsNoTracking()
                .Where(p => p.UnionBranchId == union.Id && p.IsYouthUnionMember && (p.YouthUnionJoinedOn == null || p.YouthUnionJoinedOn <= date))
                .Select(p => new { p.Id, p.FullName }).ToListAsync(cancellationToken)
            : await db.Positions.AsNoTracking().Where(p => p.OrganisationId == union.Id && p.From <= date && (p.To == null || p.To > date))
                .Select(p => new { Id = p.PersonId, p.Person!.FullName }).Distinct().ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Member(r.Id, r.FullName, MemberCategory.UnionMember)).OrderBy(r => VietnameseOrder.Key(r.FullName), StringComparer.Ordinal)];
    }

    /// <summary>
    /// A cell's roll on a date: its official and probationary members, then the members of other cells attached
    /// to it that day (sinh hoạt tạm thời). Someone who is both keeps their own membership.
    /// </summary>
    public static async Task<List<Member>> OnAsync(AppDbContext db, Guid cellId, DateOnly date, CancellationToken cancellationToken = default)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.CellId == cellId && m.ProbationaryFrom <= date && (m.EndedOn == null || m.EndedOn > date))
            .Select(m => new { m.PersonId, m.Person!.FullName, m.OfficialFrom })
            .ToListAsync(cancellationToken);
        var attached = await db.PartyAttachments.AsNoTracking()
            .Where(a => a.HostCellId == cellId && a.From <= date && (a.To == null || a.To >= date))
            .Select(a => new { a.PersonId, a.Person!.FullName })
            .ToListAsync(cancellationToken);
        var own = rows.Select(r => r.PersonId).ToHashSet();
        return [.. rows
            .Select(r => new Member(r.PersonId, r.FullName, r.OfficialFrom is { } official && official <= date ? MemberCategory.Official : MemberCategory.Probationary))
            .Concat(attached.Where(a => !own.Contains(a.PersonId)).DistinctBy(a => a.PersonId).Select(a => new Member(a.PersonId, a.FullName, MemberCategory.Attached)))
            .OrderBy(r => r.Category)
            .ThenBy(r => VietnameseOrder.Key(r.FullName), StringComparer.Ordinal)];
    }
}

/// <summary>Vietnamese lists are ordered by given name (the last word), then by the full name.</summary>
public static class VietnameseOrder
{
    public static string Key(string fullName)
    {
        var folded = SearchText.Fold(fullName);
        var given = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return given + " " + folded;
    }
}
