using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Common;

namespace Chibo.Features.Training;

/// <summary>
/// Enrols people picked from the cells under the owning committee. Everyone picked must be someone the class is
/// for, in that subtree, and not already in another open class of the same kind; otherwise nobody is enrolled.
/// </summary>
public sealed class Enrol(AppDbContext db, EditClass edit, TrainingFiles files)
{
    public async Task<Result<TrainingClass>> RunAsync(Guid classId, int expectedVersion, IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default)
    {
        var loaded = await edit.LoadForEditAsync(classId, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded;
        }

        var training = loaded.Value;
        if (training.Version != expectedVersion)
        {
            return Result.Failure<TrainingClass>(EditClass.ConflictError);
        }

        if (personIds.Count == 0)
        {
            return Result.Failure<TrainingClass>(new Error("ENROL-NONE", "Chọn ít nhất một người để ghi danh."));
        }

        if (training.Status == TrainingStatus.Finished)
        {
            return Result.Failure<TrainingClass>(new Error("CLASS-FINISHED", "Lớp đã kết thúc: không ghi danh thêm được."));
        }

        var candidates = (await files.CandidatesAsync(training, training.Owner!, cancellationToken)).ToDictionary(c => c.PersonId);
        var errors = new List<Error>();
        var already = personIds.Count(id => training.Enrolments.Any(e => e.PersonId == id));
        if (already > 0)
        {
            errors.Add(new Error("ENROL-TWICE", $"{already} người đã có tên trong danh sách lớp này."));
        }

        var outside = personIds.Count(id => !candidates.ContainsKey(id) && training.Enrolments.All(e => e.PersonId != id));
        if (outside > 0)
        {
            errors.Add(new Error("ENROL-OUT-OF-SCOPE",
                $"{outside} người được chọn không phải {TrainingLabels.StudentsOf(training.Kind)} của một chi bộ trực thuộc {training.Owner!.Name}: không ghi danh được."));
        }

        errors.AddRange(personIds.Select(id => candidates.GetValueOrDefault(id)).OfType<Candidate>().Where(c => c.OpenClass is not null)
            .Select(c => new Error("ENROL-OPEN-CLASS", $"{c.Name} đang có tên trong lớp \"{c.OpenClass}\" cùng loại, chưa kết thúc.")));
        if (errors.Count > 0)
        {
            return Result.Failure<TrainingClass>(errors);
        }

        var today = files.Today;
        foreach (var candidate in personIds.Select(id => candidates[id]))
        {
            db.TrainingEnrolments.Add(new TrainingEnrolment
            {
                ClassId = training.Id, PersonId = candidate.PersonId, CellId = candidate.CellId, CaseId = candidate.CaseId, EnrolledOn = today,
            });
        }

        return await edit.ChangeAsync(classId, expectedVersion, _ => null, cancellationToken);
    }
}
