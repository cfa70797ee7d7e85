using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Domain.Common;
using Chibo.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Cases;

public sealed record VoidStepRequest(Guid CaseId, Guid StepId, int ExpectedVersion, string Reason);

/// <summary>
/// Withdraws the latest step of a case as recorded by mistake. Nothing is erased: the step stays on file,
/// marked with who withdrew it, when and why, and the case goes back to the stage its other steps give.
/// A reason is always required, so a dossier is never altered after its decision without one.
/// </summary>
public sealed class VoidStep(AppDbContext db, CaseFiles files, CaseDigests digests, CurrentUser me, TimeProvider clock)
{
    public const int MinimumReason = 10;

    public async Task<Result<CaseRecord>> RunAsync(VoidStepRequest request, CancellationToken cancellationToken = default)
    {
        var loaded = await files.LoadAsync(request.CaseId, cancellationToken);
        if (loaded is null || !loaded.IsVisibleTo(me))
        {
            return Result.Failure<CaseRecord>(new Error(RecordStep.NotFound, "Không tìm thấy hồ sơ."));
        }

        var live = loaded.Record.Steps.Where(s => s.VoidedAt is null).OrderBy(s => s.Date).ThenBy(s => s.RecordedAt).ToList();
        var step = live.LastOrDefault();
        if (step is null || step.Id != request.StepId)
        {
            return Result.Failure<CaseRecord>(new Error("VOID-NOT-LATEST", "Chỉ hủy được bước ghi sau cùng của hồ sơ."));
        }

        if (!loaded.CanRecord(me, step.Kind))
        {
            return Result.Failure<CaseRecord>(new Error(RecordStep.Forbidden, "Vai trò của bạn không được hủy bước này."));
        }

        if (live.Count == 1)
        {
            return Result.Failure<CaseRecord>(new Error("VOID-ONLY-STEP", "Không hủy được bước đầu tiên; nếu đề xuất nhầm, hãy ghi \"rút hồ sơ\"."));
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Trim().Length < MinimumReason)
        {
            return Result.Failure<CaseRecord>(new Error("VOID-REASON", $"Cần ghi rõ lý do hủy (ít nhất {MinimumReason} ký tự): lý do được lưu cùng hồ sơ."));
        }

        if (loaded.Record.Version != request.ExpectedVersion)
        {
            return Result.Failure<CaseRecord>(new Error(RecordStep.Conflict, "Hồ sơ vừa được người khác cập nhật; hãy xem lại rồi thử lại."));
        }

        step.VoidedAt = clock.GetUtcNow().UtcDateTime;
        step.VoidedBy = me.DisplayName;
        step.VoidReason = request.Reason.Trim();
        var remaining = live[..^1];
        var record = loaded.Record;
        var stage = DossierCheck.DeriveStage(loaded.Case.ToDossier(files.Today, [.. remaining.Select(CaseFiles.ToStep)]).Events);
        record.Stage = stage;
        record.StageSince = remaining[^1].Date;
        if (!stage.IsTerminal())
        {
            record.ClosedOn = null;
            record.ClosedBy = null;
        }

        db.Entry(record).Property(r => r.Version).IsModified = true;
        await digests.UpdateAsync(record, loaded.Cell, loaded.Applicant, remaining, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Failure<CaseRecord>(new Error(RecordStep.Conflict, "Hồ sơ vừa được người khác cập nhật; hãy xem lại rồi thử lại."));
        }

        return Result.Success(record);
    }
}
