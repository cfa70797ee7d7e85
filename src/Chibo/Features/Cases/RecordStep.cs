using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Domain.Common;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Cases;

/// <summary>What a person enters to record one step of a case.</summary>
/// <param name="ExpectedVersion">The case version the form was built from: a newer one means someone else changed it.</param>
/// <param name="AcknowledgedWarnings">Rule ids of warnings the user has read and accepts.</param>
public sealed record RecordStepRequest(
    Guid CaseId,
    int ExpectedVersion,
    EventKind Kind,
    DateOnly Date,
    Guid? MemberPersonId = null,
    DateOnly? KnownApplicantSince = null,
    int? VotesFor = null,
    int? VotesAgainst = null,
    int? Eligible = null,
    string? DocumentNumber = null,
    string? Issuer = null,
    DateOnly? Received = null,
    bool Extended = false,
    bool Replacement = false,
    bool DelayApproved = false,
    string? Note = null,
    IReadOnlyCollection<string>? AcknowledgedWarnings = null);

/// <summary>
/// Records a step: checks the user may, that nobody changed the case meanwhile, runs the rules; on success
/// writes the step and the new stage in one transaction. Refusals come back as errors named after the rule;
/// new warnings come back for acknowledgement.
/// </summary>
public sealed class RecordStep(AppDbContext db, CaseFiles files, CaseDigests digests, CurrentUser me, TimeProvider clock)
{
    public const string Conflict = "CASE-CONFLICT";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT-FOUND";

    public async Task<Result<CaseRecord>> RunAsync(RecordStepRequest request, CancellationToken cancellationToken = default)
    {
        var loaded = await files.LoadAsync(request.CaseId, cancellationToken);
        if (loaded is null || !loaded.IsVisibleTo(me))
        {
            return Result.Failure<CaseRecord>(new Error(NotFound, "Không tìm thấy hồ sơ."));
        }

        if (!loaded.CanRecord(me, request.Kind))
        {
            return Result.Failure<CaseRecord>(new Error(Forbidden, $"Vai trò của bạn không được ghi bước \"{request.Kind.ToVietnamese()}\"."));
        }

        if (loaded.Record.Version != request.ExpectedVersion)
        {
            return Result.Failure<CaseRecord>(ConflictError(await LastChangeAsync(request.CaseId, cancellationToken)));
        }

        if (Validate(request) is { } invalid)
        {
            return Result.Failure<CaseRecord>(invalid);
        }

        var step = new CaseStepRecord
        {
            CaseId = request.CaseId,
            Kind = request.Kind,
            Date = request.Date,
            MemberPersonId = request.MemberPersonId,
            KnownApplicantSince = request.KnownApplicantSince,
            VotesFor = request.VotesFor,
            VotesAgainst = request.VotesAgainst,
            Eligible = request.Eligible,
            FormCode = FormCatalogue.For(request.Kind)?.Code,
            DocumentNumber = Clean(request.DocumentNumber),
            Issuer = Clean(request.Issuer),
            Received = request.Received,
            Extended = request.Extended,
            Replacement = request.Replacement,
            DelayApproved = request.DelayApproved,
            Note = Clean(request.Note),
            AcknowledgedWarnings = request.AcknowledgedWarnings is { Count: > 0 } acknowledged ? string.Join(",", acknowledged) : null,
            RecordedByUserId = me.UserId,
            RecordedBy = me.DisplayName,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };

        // An introduction tells since when the introducer knows the applicant: the domain reads it from the members list.
        var domainCase = loaded.Case;
        if (request.Kind == EventKind.Introduction && request.MemberPersonId is { } introducer)
        {
            var members = domainCase.Members
                .Select(m => m.Id == introducer.ToString() ? m with { KnownApplicantSince = request.KnownApplicantSince } : m)
                .ToList();
            domainCase = Case.Restore(domainCase.Id, domainCase.PersonId, domainCase.Cell, domainCase.Applicant, members, domainCase.Steps, domainCase.Stage, domainCase.Rejection);
        }

        var outcome = domainCase.Record(CaseFiles.ToStep(step), CaseFiles.Rulebooks, CaseFiles.Calendar, request.AcknowledgedWarnings);
        if (!outcome.IsSuccess)
        {
            return Result.Failure<CaseRecord>(outcome.Errors);
        }

        var record = loaded.Record;
        db.CaseSteps.Add(step);
        if (record.Stage != outcome.Value.Stage)
        {
            record.Stage = outcome.Value.Stage;
            record.StageSince = request.Date;
        }

        if (outcome.Value.Stage.IsTerminal())
        {
            record.ClosedOn = request.Date;
            record.ClosedBy = me.DisplayName;
        }

        // Even a step that keeps the stage raises the version: the file changed under anyone else's form.
        db.Entry(record).Property(r => r.Version).IsModified = true;
        await digests.UpdateAsync(record, loaded.Cell, loaded.Applicant, [.. record.Steps.Where(s => s.VoidedAt is null).Append(step).Distinct()], cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result.Failure<CaseRecord>(ConflictError(await LastChangeAsync(request.CaseId, cancellationToken)));
        }

        return Result.Success(record);
    }

    /// <summary>Is the error list only warnings that the user may acknowledge?</summary>
    public static bool OnlyWarnings(IReadOnlyList<Error> errors) =>
        errors.All(e => RuleIds.Warnings.Contains(e.Code));

    private static Error? Validate(RecordStepRequest r)
    {
        if (r.VotesFor is < 0 || r.VotesAgainst is < 0 || r.Eligible is < 0)
        {
            return new Error("VOTES-NEGATIVE", "Số phiếu không được âm.");
        }

        if (r.Eligible is { } eligible && (r.VotesFor ?? 0) + (r.VotesAgainst ?? 0) > eligible)
        {
            return new Error("VOTES-ABOVE-ELIGIBLE", $"Tổng số phiếu tán thành và không tán thành vượt quá {eligible} người có quyền biểu quyết.");
        }

        var needsVote = r.Kind is EventKind.CellResolution or EventKind.CommitteeResolution or EventKind.RecognitionResolution or EventKind.RecognitionCommitteeResolution;
        if (needsVote && (r.VotesFor is null || r.Eligible is null))
        {
            return new Error("VOTES-MISSING", "Cần nhập số phiếu tán thành và tổng số người có quyền biểu quyết.");
        }

        var needsMember = r.Kind is EventKind.HelperAssigned or EventKind.Introduction or EventKind.HelperComment;
        if (needsMember && r.MemberPersonId is null)
        {
            return new Error("MEMBER-MISSING", "Chọn đảng viên cho bước này.");
        }

        if (r.Kind == EventKind.Introduction && !r.Replacement && r.KnownApplicantSince is null)
        {
            return new Error("KNOWN-SINCE-MISSING", "Nhập ngày người giới thiệu bắt đầu công tác, học tập cùng người vào Đảng.");
        }

        if (r.Received is { } received && received < r.Date)
        {
            return new Error("RECEIVED-BEFORE-DATE", "Ngày nhận quyết định không thể trước ngày ký quyết định.");
        }

        return null;
    }

    private async Task<string?> LastChangeAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var last = await db.CaseSteps.AsNoTracking().Where(s => s.CaseId == caseId).OrderByDescending(s => s.RecordedAt)
            .Select(s => new { s.RecordedBy, s.Kind, s.Date, s.RecordedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return last is null ? null
            : $"{last.RecordedBy} đã ghi \"{last.Kind.ToVietnamese()}\" ngày {last.Date:dd/MM/yyyy} (lúc {last.RecordedAt.AddHours(7):HH:mm dd/MM/yyyy})";
    }

    private static Error ConflictError(string? lastChange) =>
        new(Conflict, "Hồ sơ vừa được người khác cập nhật trong lúc bạn nhập, nên bước của bạn chưa được ghi. "
            + (lastChange is null ? "" : $"Thay đổi mới nhất: {lastChange}. ") + "Hãy xem lại hồ sơ rồi nhập lại.");

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
