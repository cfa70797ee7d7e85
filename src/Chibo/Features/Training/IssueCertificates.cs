using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Common;
using Chibo.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Training;

/// <summary>The certificates of one issue: a date for all, and a number for each passing student who gets one now.</summary>
public sealed record IssueCertificatesRequest(Guid ClassId, int ExpectedVersion, DateOnly? Date, IReadOnlyDictionary<Guid, string?> Numbers);

/// <summary>
/// Issues certificates to passing students and records each one's case step (CN-NTVĐ for the awareness class,
/// the new-member course during probation) through <see cref="RecordStep"/>, so the rules, warnings and
/// permissions of a step recorded by hand apply. All or nothing: the problems come back, one line per person.
/// A probationary member admitted before Chibo has no case: the certificate stays on the enrolment.
/// </summary>
public sealed class IssueCertificates(AppDbContext db, EditClass edit, RecordStep recordStep, TrainingFiles files)
{
    public async Task<Result<int>> RunAsync(IssueCertificatesRequest request, CancellationToken cancellationToken = default)
    {
        var loaded = await edit.LoadForEditAsync(request.ClassId, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return Result.Failure<int>(loaded.Errors);
        }

        var training = loaded.Value;
        if (training.Version != request.ExpectedVersion)
        {
            return Result.Failure<int>(EditClass.ConflictError);
        }

        var numbers = request.Numbers
            .Select(n => (EnrolmentId: n.Key, Number: CreateClass.Clean(n.Value)))
            .Where(n => n.Number is not null)
            .ToList();
        if (Validate(training, request.Date, numbers, files.Today) is { } invalid)
        {
            return Result.Failure<int>(invalid);
        }

        if (await ReusedAsync(training, [.. numbers.Select(n => n.Number!)], cancellationToken) is { } reused)
        {
            return Result.Failure<int>(new Error("CERTIFICATE-NUMBER-REUSED", $"Số giấy chứng nhận {reused} của {training.OrganiserName} đã được cấp cho người khác."));
        }

        var date = request.Date!.Value;
        var kind = TrainingLabels.StepOf(training.Kind);
        var personIds = training.Enrolments.Select(e => e.PersonId).ToList();
        var names = await db.People.AsNoTracking()
            .Where(p => personIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
        var problems = await AllOrNothing.RunAsync(db, async () =>
        {
            var errors = new List<string>();
            foreach (var (enrolmentId, number) in numbers)
            {
                var enrolment = training.Enrolments.Single(e => e.Id == enrolmentId);
                enrolment.CertificateNumber = number;
                enrolment.CertificateDate = date;
                if (enrolment.CaseId is not { } caseId)
                {
                    if (training.Kind == TrainingKind.Awareness)
                    {
                        errors.Add($"{names[enrolment.PersonId]}: không có hồ sơ kết nạp để ghi giấy chứng nhận.");
                    }

                    continue;
                }

                var version = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync(cancellationToken);
                var step = await recordStep.RunAsync(
                    new RecordStepRequest(caseId, version, kind, date, DocumentNumber: number, Issuer: training.OrganiserName, Note: training.Name),
                    cancellationToken);
                if (!step.IsSuccess)
                {
                    errors.AddRange(step.Errors.Select(e => $"{names[enrolment.PersonId]}: {e.Message} ({e.Code})"));
                    continue;
                }

                enrolment.CertificateStepId = db.ChangeTracker.Entries<CaseStepRecord>()
                    .Select(e => e.Entity)
                    .Single(s => s.CaseId == caseId && s.Kind == kind && s.DocumentNumber == number).Id;
            }

            if (errors.Count == 0)
            {
                db.Entry(training).Property(c => c.Version).IsModified = true;
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException)
                {
                    errors.Add(EditClass.ConflictError.Message);
                }
            }

            return errors;
        }, cancellationToken);

        return problems.Count == 0
            ? Result.Success(numbers.Count)
            : Result.Failure<int>([.. problems.Select(p => new Error("CERTIFICATE-STEP", p))]);
    }

    private static Error? Validate(TrainingClass training, DateOnly? date, List<(Guid EnrolmentId, string? Number)> numbers, DateOnly today)
    {
        if (training.Status != TrainingStatus.Finished)
        {
            return new Error("CLASS-NOT-FINISHED", "Lớp chưa kết thúc: chỉ cấp giấy chứng nhận sau khi lớp kết thúc.");
        }

        if (date is null)
        {
            return new Error("CERTIFICATE-DATE-MISSING", "Nhập ngày cấp giấy chứng nhận.");
        }

        if (date < training.EndsOn)
        {
            return new Error("CERTIFICATE-BEFORE-CLASS", $"Ngày cấp {date:dd/MM/yyyy} trước ngày bế giảng lớp {training.EndsOn:dd/MM/yyyy}: giấy chứng nhận chỉ cấp khi học xong.");
        }

        if (date > today)
        {
            return new Error("CERTIFICATE-FUTURE", $"Ngày cấp {date:dd/MM/yyyy} chưa tới (hôm nay là {today:dd/MM/yyyy}).");
        }

        if (numbers.Count == 0)
        {
            return new Error("CERTIFICATE-NONE", "Nhập số giấy chứng nhận cho ít nhất một học viên đạt yêu cầu.");
        }

        foreach (var (enrolmentId, _) in numbers)
        {
            var enrolment = training.Enrolments.SingleOrDefault(e => e.Id == enrolmentId);
            if (enrolment is null || enrolment.Outcome != TrainingOutcome.Passed || enrolment.CertificateNumber is not null)
            {
                return new Error("CERTIFICATE-NOT-ELIGIBLE", "Chỉ cấp giấy chứng nhận cho học viên của lớp đã đạt yêu cầu và chưa được cấp.");
            }
        }

        var twice = numbers.GroupBy(n => n.Number, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? null : new Error("CERTIFICATE-NUMBER-TWICE", $"Số giấy chứng nhận {twice.Key} được nhập cho {twice.Count()} người.");
    }

    /// <summary>A number already on a certificate of the same organiser: on a class's enrolment or on a case step.</summary>
    private async Task<string?> ReusedAsync(TrainingClass training, IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        var kind = TrainingLabels.StepOf(training.Kind);
        var onClasses = await db.TrainingEnrolments.AsNoTracking()
            .Where(e => e.CertificateNumber != null && numbers.Contains(e.CertificateNumber))
            .Join(db.TrainingClasses.Where(c => c.OrganiserName == training.OrganiserName && c.Kind == training.Kind), e => e.ClassId, c => c.Id, (e, _) => e.CertificateNumber)
            .FirstOrDefaultAsync(cancellationToken);
        return onClasses ?? await db.CaseSteps.AsNoTracking()
            .Where(s => s.Kind == kind && s.VoidedAt == null && s.Issuer == training.OrganiserName && s.DocumentNumber != null && numbers.Contains(s.DocumentNumber))
            .Select(s => s.DocumentNumber)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
