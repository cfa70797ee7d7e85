using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Training;

/// <summary>One enrolled person as the class's lists show them.</summary>
public sealed record EnrolmentRow(TrainingEnrolment Enrolment, string Name, DateOnly? DateOfBirth, string? Unit, string Cell);

/// <summary>A class with the enrolments the user may see (all for a manager, their own cells' for a cell committee).</summary>
public sealed record ClassFile(TrainingClass Class, Organisation Owner, bool CanManage, IReadOnlyList<TrainingSession> Sessions, IReadOnlyList<EnrolmentRow> Rows)
{
    public bool Attended(TrainingEnrolment enrolment, TrainingSession session) =>
        enrolment.Attendance.Any(a => a.SessionId == session.Id && a.Present);

    public bool HasAttendance(TrainingSession session) => Rows.Any(r => r.Enrolment.Attendance.Any(a => a.SessionId == session.Id));
}

/// <summary>Someone a manager may enrol: a sympathizer (or probationary member) of a cell under the owning committee.</summary>
/// <param name="HeldCertificate">A certificate the person already holds and that is still valid: shown as a flag, not a bar.</param>
/// <param name="OpenClass">Another open class of the same kind the person is in: enrolling again is refused.</param>
public sealed record Candidate(Guid PersonId, Guid? CaseId, Guid CellId, string CellName, string Name, string? Unit, string? HeldCertificate, string? OpenClass);

/// <summary>Loads classes for reading and the people a class may take.</summary>
public sealed class TrainingFiles(AppDbContext db, CurrentUser me, CaseFiles cases)
{
    public DateOnly Today => cases.Today;

    public async Task<ClassFile?> LoadAsync(Guid classId, CancellationToken cancellationToken = default)
    {
        var training = await db.TrainingClasses.AsNoTracking()
            .Include(c => c.Owner)
            .Include(c => c.Sessions)
            .Include(c => c.Enrolments).ThenInclude(e => e.Attendance)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == classId, cancellationToken);
        if (training is null)
        {
            return null;
        }

        var manage = TrainingAccess.CanManage(me, training.Owner!);
        var people = await db.TrainingEnrolments.AsNoTracking().Where(e => e.ClassId == classId)
            .Select(e => new { e.Id, e.Person!.FullName, e.Person.SearchName, e.Person.DateOfBirth, Unit = e.Person.Organisation!.ShortName, Cell = e.Cell!.Name, CellPath = e.Cell.Path })
            .ToListAsync(cancellationToken);
        var scopes = TrainingAccess.CellScopes(me);
        var visible = people.Where(p => manage || scopes.Any(s => s is null || p.CellPath.StartsWith(s, StringComparison.Ordinal))).ToList();
        if (!manage && visible.Count == 0)
        {
            return null;
        }

        var byId = training.Enrolments.ToDictionary(e => e.Id);
        var rows = visible.OrderBy(p => p.Cell).ThenBy(p => LastWord(p.SearchName)).ThenBy(p => p.SearchName)
            .Select(p => new EnrolmentRow(byId[p.Id], p.FullName, p.DateOfBirth, p.Unit, p.Cell))
            .ToList();
        return new ClassFile(training, training.Owner!, manage, [.. training.Sessions.OrderBy(s => s.Date).ThenBy(s => s.Order)], rows);
    }

    /// <summary>Classes the user manages or has people in, newest first, with the counts of the enrolments they may see.</summary>
    public async Task<IReadOnlyList<(TrainingClass Class, string Owner, int Enrolled, int Certified)>> ListAsync(CancellationToken cancellationToken = default)
    {
        var managed = db.Organisations.Within(me.PathsFor(TrainingAccess.Managers)).Select(o => o.Id);
        var cells = db.Organisations.Within(TrainingAccess.CellScopes(me)).Select(o => o.Id);
        var rows = await db.TrainingClasses.AsNoTracking()
            .Where(c => managed.Contains(c.OwnerId) || c.Enrolments.Any(e => cells.Contains(e.CellId)))
            .OrderByDescending(c => c.StartsOn)
            .Select(c => new { Class = c, Owner = c.Owner!.Name, OwnerPath = c.Owner.Path })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Class.Id).ToList();
        var enrolments = await db.TrainingEnrolments.AsNoTracking()
            .Where(e => ids.Contains(e.ClassId))
            .Select(e => new { e.ClassId, CellPath = e.Cell!.Path, Certified = e.CertificateNumber != null })
            .ToListAsync(cancellationToken);
        var scopes = TrainingAccess.CellScopes(me);
        return [.. rows.Select(r =>
        {
            var manage = me.Holds(r.OwnerPath, TrainingAccess.Managers);
            var mine = enrolments.Where(e => e.ClassId == r.Class.Id && (manage || scopes.Any(s => s is null || e.CellPath.StartsWith(s, StringComparison.Ordinal)))).ToList();
            return (r.Class, r.Owner, mine.Count, mine.Count(e => e.Certified));
        })];
    }

    /// <summary>
    /// The people of the cells under the class's owner that the class is for: sympathizers for an awareness
    /// class, probationary members for a new-member course (with or without a case in Chibo).
    /// </summary>
    public async Task<IReadOnlyList<Candidate>> CandidatesAsync(TrainingClass training, Organisation owner, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var cells = db.Organisations.Where(o => o.Kind == OrganisationKind.Cell && o.Path.StartsWith(owner.Path));
        List<(Guid PersonId, Guid? CaseId, Guid CellId, string CellName, string Name, string Fold, string? Unit)> people;
        if (training.Kind == TrainingKind.Awareness)
        {
            people = [.. (await db.Cases.AsNoTracking()
                .Where(c => c.Stage == Stage.Sympathizer && cells.Any(o => o.Id == c.CellId))
                .Select(c => new { c.PersonId, c.Id, c.CellId, Cell = c.Cell!.Name, c.Person!.FullName, c.Person.SearchName, Unit = c.Person.Organisation!.ShortName })
                .ToListAsync(cancellationToken))
                .Select(c => (c.PersonId, (Guid?)c.Id, c.CellId, c.Cell, c.FullName, c.SearchName, c.Unit))];
        }
        else
        {
            var members = await db.Memberships.AsNoTracking()
                .Where(m => m.EndedOn == null && (m.OfficialFrom == null || m.OfficialFrom > today) && cells.Any(o => o.Id == m.CellId))
                .Select(m => new { m.PersonId, m.CellId, Cell = m.Cell!.Name, m.Person!.FullName, m.Person.SearchName, Unit = m.Person.Organisation!.ShortName })
                .ToListAsync(cancellationToken);
            var ids = members.Select(m => m.PersonId).ToList();
            var open = await db.Cases.AsNoTracking()
                .Where(c => ids.Contains(c.PersonId) && c.Stage == Stage.Probationary)
                .Select(c => new { c.PersonId, c.Id })
                .ToListAsync(cancellationToken);
            people = [.. members.Select(m => (m.PersonId, open.FirstOrDefault(c => c.PersonId == m.PersonId)?.Id, m.CellId, m.Cell, m.FullName, m.SearchName, m.Unit))];
        }

        var personIds = people.Select(p => p.PersonId).ToList();
        var held = await HeldCertificatesAsync(training.Kind, personIds, cancellationToken);
        var elsewhere = await db.TrainingEnrolments.AsNoTracking()
            .Where(e => personIds.Contains(e.PersonId))
            .Join(db.TrainingClasses.Where(c => c.Kind == training.Kind && c.Status != TrainingStatus.Finished && c.Id != training.Id), e => e.ClassId, c => c.Id, (e, c) => new { e.PersonId, c.Name })
            .ToListAsync(cancellationToken);
        var already = training.Enrolments.Select(e => e.PersonId).ToHashSet();
        return [.. people
            .Where(p => !already.Contains(p.PersonId))
            .OrderBy(p => p.CellName).ThenBy(p => LastWord(p.Fold)).ThenBy(p => p.Fold)
            .Select(p => new Candidate(p.PersonId, p.CaseId, p.CellId, p.CellName, p.Name, p.Unit, held.GetValueOrDefault(p.PersonId), elsewhere.FirstOrDefault(e => e.PersonId == p.PersonId)?.Name))];
    }

    /// <summary>
    /// Certificates of the kind the people already hold: for the awareness class, one issued within the
    /// rulebook's validity (60 months) from today, as a case step or an enrolment; for the course, any.
    /// </summary>
    public async Task<Dictionary<Guid, string>> HeldCertificatesAsync(TrainingKind kind, IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default)
    {
        var step = TrainingLabels.StepOf(kind);
        var fromSteps = await db.CaseSteps.AsNoTracking()
            .Where(s => s.Kind == step && s.VoidedAt == null)
            .Join(db.Cases.Where(c => personIds.Contains(c.PersonId)), s => s.CaseId, c => c.Id, (s, c) => new { c.PersonId, s.DocumentNumber, s.Date })
            .ToListAsync(cancellationToken);
        var fromClasses = await db.TrainingEnrolments.AsNoTracking()
            .Where(e => personIds.Contains(e.PersonId) && e.CertificateDate != null)
            .Join(db.TrainingClasses.Where(c => c.Kind == kind), e => e.ClassId, c => c.Id, (e, c) => new { e.PersonId, DocumentNumber = e.CertificateNumber, Date = e.CertificateDate!.Value })
            .ToListAsync(cancellationToken);
        var validMonths = CaseFiles.Rulebooks.InForceOn(Today).Parameters.CertificateValidityMonths;
        return fromSteps.Concat(fromClasses)
            .Where(c => kind != TrainingKind.Awareness || Domain.Rules.VietnameseDates.FullMonths(c.Date, Today) <= validMonths)
            .GroupBy(c => c.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Date).Select(c => $"số {c.DocumentNumber ?? "(không ghi số)"} ngày {c.Date:dd/MM/yyyy}").First());
    }

    /// <summary>Vietnamese lists sort by the given name, the last word.</summary>
    internal static string LastWord(string folded) => folded[(folded.LastIndexOf(' ') + 1)..];
}
