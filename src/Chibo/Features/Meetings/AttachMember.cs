using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Meetings;

public sealed record AttachMemberRequest(Guid HostCellId, string FullName, DateOnly? DateOfBirth, Gender Gender, string HomeCellName, DateOnly From, DateOnly? To, string? Reason);

/// <summary>
/// Records a member of another cell taking part in a cell for a while (sinh hoạt tạm thời), on the
/// introduction paper of the home cell, and ends it. The member is entered by name, as the paper gives it: the
/// home cell keeps the membership. Kept by the host cell's committee.
/// </summary>
public sealed class AttachMember(AppDbContext db, CurrentUser me)
{
    public const string Conflict = "ATTACHMENT-CONFLICT";

    private static readonly Error Stale = new(Conflict, "Việc sinh hoạt tạm thời này vừa được người khác cập nhật: hãy xem lại rồi nhập lại.");

    public async Task<Result<PartyAttachment>> AddAsync(AttachMemberRequest request, CancellationToken cancellationToken = default)
    {
        var cell = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.HostCellId, cancellationToken);
        if (cell is null || !MeetingAccess.IsParty(cell.Kind) || !MeetingAccess.CanEdit(me, cell))
        {
            return Fail(MeetingErrors.Forbidden, "Chỉ chi ủy của chi bộ mới ghi đảng viên sinh hoạt tạm thời.");
        }

        if (string.IsNullOrWhiteSpace(request.FullName) || string.IsNullOrWhiteSpace(request.HomeCellName))
        {
            return Fail("ATTACHMENT-EMPTY", "Nhập họ tên đảng viên và chi bộ nơi đảng viên sinh hoạt chính thức.");
        }

        if (MeetingErrors.FirstTooLong(("Họ tên", request.FullName, 200), ("Chi bộ sinh hoạt chính thức", request.HomeCellName, 300), ("Lý do", request.Reason, 500)) is { } tooLong)
        {
            return Result.Failure<PartyAttachment>(tooLong);
        }

        if (request.To is { } to && to < request.From)
        {
            return Fail("ATTACHMENT-DATES", "Ngày kết thúc sinh hoạt tạm thời phải từ ngày bắt đầu trở đi.");
        }

        var name = request.FullName.Trim();
        var person = new Person { FullName = name, SearchName = SearchText.Fold(name), DateOfBirth = request.DateOfBirth, Gender = request.Gender, OrganisationId = cell.Id };
        var attachment = new PartyAttachment
        {
            PersonId = person.Id,
            HostCellId = cell.Id,
            HomeCellName = request.HomeCellName.Trim(),
            From = request.From,
            To = request.To,
            Reason = CreateMeeting.Clean(request.Reason),
        };
        db.People.Add(person);
        db.PartyAttachments.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(attachment);
    }

    /// <summary>Ends an attachment on its last day: later meetings no longer list the member.</summary>
    public async Task<Result<PartyAttachment>> EndAsync(Guid attachmentId, int expectedVersion, DateOnly lastDay, CancellationToken cancellationToken = default)
    {
        var attachment = await db.PartyAttachments.Include(a => a.HostCell).SingleOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);
        if (attachment is null || !MeetingAccess.CanEdit(me, attachment.HostCell!))
        {
            return Fail(MeetingErrors.Forbidden, "Chỉ chi ủy của chi bộ mới ghi đảng viên sinh hoạt tạm thời.");
        }

        if (attachment.Version != expectedVersion)
        {
            return Result.Failure<PartyAttachment>(Stale);
        }

        if (lastDay < attachment.From)
        {
            return Fail("ATTACHMENT-DATES", "Ngày kết thúc sinh hoạt tạm thời phải từ ngày bắt đầu trở đi.");
        }

        attachment.To = lastDay;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result.Failure<PartyAttachment>(Stale);
        }

        return Result.Success(attachment);
    }

    private static Result<PartyAttachment> Fail(string code, string message) => Result.Failure<PartyAttachment>(new Error(code, message));
}
