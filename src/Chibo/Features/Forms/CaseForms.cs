using System.Globalization;
using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Documents;
using Chibo.Domain.Cases;
using Chibo.Domain.Common;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;
using Chibo.Features.Cases;
using Chibo.Features.Dossiers;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Forms;

/// <summary>A form offered on a case file: what it is, the number it carries (or its draft), and whether this user may number it.</summary>
public sealed record FormOffer(FormDefinition Form, string Number, bool Numbered, bool CanIssue);

/// <summary>
/// Fills the generated forms of a case (4-KNĐ … the recognition decision, the appraisal report) and the cell's
/// sympathizer list from what Chibo holds: the case's steps, the meetings that voted, the cell's roll and the
/// organisation tree; numbers them from the issuing body's register.
/// </summary>
public sealed class CaseForms(AppDbContext db, NumberRegister numbers, CurrentUser me, IConfiguration configuration)
{
    public const string AppraisalCode = "BC-TĐ";
    public const string SympathizerListCode = "DS-CTĐ";

    /// <summary>Who may number a document in a body's register: its committee, the organisation department above it.</summary>
    public static readonly Role[] Issuers = [Role.CellSecretary, Role.CellCommittee, Role.UnionSecretary, Role.OrganisationDepartment, Role.Administrator];

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public PageMargins Margins => PageMargins.From(configuration);

    /// <summary>
    /// The forms of a case at its stage: the form of each step already recorded or that can be recorded next
    /// (a grassroots cell has no 8-KNĐ or 15-KNĐ; only a union member has a 4-KNĐ), and the appraisal report.
    /// </summary>
    public static IReadOnlyList<FormDefinition> ApplicableTo(LoadedCase loaded, DateOnly today)
    {
        // A recorded step's form is the version in force on the step's date; a coming step's, today's.
        var recorded = loaded.Record.Steps.Where(s => s.VoidedAt is null).GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Max(s => s.Date));
        var next = Transitions.StepsAt(loaded.Case.Stage, loaded.Cell.IsGrassroots);
        var forms = Enum.GetValues<EventKind>()
            .Where(k => recorded.ContainsKey(k) || next.Contains(k))
            .Where(k => !loaded.Cell.IsGrassroots || k is not (EventKind.CommitteeResolution or EventKind.RecognitionCommitteeResolution))
            .Where(k => loaded.Applicant.IsYouthUnionMember || k != EventKind.UnionResolution)
            .Select(k => (Form: FormCatalogue.For(k), Date: recorded.TryGetValue(k, out var on) ? on : today))
            .Where(f => f.Form is { IsGenerated: true })
            .Select(f => FormCatalogue.Find(f.Form!.Code, f.Date)!)
            .ToList();
        forms.Add(FormCatalogue.Find(AppraisalCode, today)!);
        return forms;
    }

    /// <summary>The forms of the case with their numbers, for the case file's "Biểu mẫu" section.</summary>
    public async Task<IReadOnlyList<FormOffer>> OffersAsync(LoadedCase loaded, DateOnly today, CancellationToken cancellationToken = default)
    {
        var context = await ContextAsync(loaded, cancellationToken);
        return [.. ApplicableTo(loaded, today).Select(form =>
        {
            var issuer = context.Issuer(form.Template!.Issuer);
            var number = context.NumberOf(form);
            return new FormOffer(form, number ?? NumberRegister.Draft(issuer, form.Template.Symbol), number is not null, me.Holds(issuer.Path, Issuers));
        })];
    }

    /// <summary>A form of the case, filled; null when the form does not apply to the case at its stage.</summary>
    public async Task<(PartyDocument Document, string FileName)?> BuildAsync(LoadedCase loaded, string code, CheckReport report, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (ApplicableTo(loaded, today).FirstOrDefault(f => f.Code == code) is not { } form)
        {
            return null;
        }

        var context = await ContextAsync(loaded, cancellationToken);
        var values = await ValuesAsync(context, form, report, today, cancellationToken);
        return (FormRenderer.Render(form, values), FileName(form.Code, values.Header.Date));
    }

    /// <summary>
    /// Enters a form of the case in its issuer's register with the next number, and writes the number on the
    /// step the form records, all in one transaction. Refused when the form already has a number.
    /// </summary>
    public async Task<Result<string>> IssueAsync(LoadedCase loaded, string code, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (ApplicableTo(loaded, today).FirstOrDefault(f => f.Code == code) is not { } form)
        {
            return Result.Failure<string>(new Error("FORM-NOT-APPLICABLE", $"Biểu mẫu {code} không dùng cho hồ sơ ở giai đoạn này."));
        }

        var context = await ContextAsync(loaded, cancellationToken);
        var issuer = context.Issuer(form.Template!.Issuer);
        if (!me.Holds(issuer.Path, Issuers))
        {
            return Result.Failure<string>(new Error("FORM-ISSUER", $"Chỉ {issuer.Name} (hoặc cấp ủy cấp trên) mới cấp số cho văn bản của mình."));
        }

        if (context.NumberOf(form) is { } existing)
        {
            return Result.Failure<string>(new Error("FORM-NUMBERED", $"{form.Code} đã có số {existing}."));
        }

        var step = form.Step is { } kind ? context.Step(kind) : null;
        var date = step?.Date ?? today;
        var issued = await numbers.InTransactionAsync<IssuedDocument>(async () =>
        {
            var entry = await numbers.IssueAsync(issuer, form.Template.Symbol, date, form.Code, $"{form.Name}: {loaded.Applicant.FullName}", caseId: loaded.Record.Id, cancellationToken: cancellationToken);
            // Issues of one body and type wait for each other at the counter: a second click on "Cấp số" sees the first.
            if (await db.IssuedDocuments.AnyAsync(d => d.CaseId == loaded.Record.Id && d.FormCode == form.Code, cancellationToken))
            {
                return null;
            }

            if (step is not null)
            {
                step.DocumentNumber = entry.Number;
            }

            return entry;
        }, cancellationToken);
        return issued is null
            ? Result.Failure<string>(new Error("FORM-NUMBERED", $"{form.Code} vừa được cấp số."))
            : Result.Success(issued.Number);
    }

    /// <summary>The cell's sympathizer list on <paramref name="today"/>: everyone listed and not yet admitted, with the member who helps them.</summary>
    public async Task<(PartyDocument Document, string FileName)> SympathizerListAsync(Organisation cell, DateOnly today, CancellationToken cancellationToken = default)
    {
        var form = FormCatalogue.Find(SympathizerListCode, today)!;
        var ancestors = await AncestorsAsync(cell, cancellationToken);
        var issued = await db.IssuedDocuments.AsNoTracking()
            .Where(d => d.OrganisationId == cell.Id && d.FormCode == SympathizerListCode && d.Date == today)
            .OrderByDescending(d => d.Sequence).Select(d => d.Number).FirstOrDefaultAsync(cancellationToken);
        var values = new FormValues(new DocumentHeader(ancestors.GetValueOrDefault(cell.ParentId ?? Guid.Empty)?.Name ?? "", cell.Name,
            issued ?? NumberRegister.Draft(cell, form.Template!.Symbol), Place, today));
        await CellValuesAsync(values, cell, ancestors, today, cancellationToken);
        values["document.date"] = Date(today);

        Stage[] listed = [Stage.Sympathizer, Stage.Trained, Stage.Applying, Stage.CellProposed, Stage.CommitteeProposed];
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.CellId == cell.Id && listed.Contains(c.Stage))
            .Select(c => new
            {
                c.Person!.FullName,
                c.Person.DateOfBirth,
                Unit = c.Person.Organisation!.ShortName ?? c.Person.Organisation.Name,
                c.Stage,
                ListedOn = c.Steps.Where(s => s.VoidedAt == null && s.Kind == EventKind.SympathizerListed).Max(s => (DateOnly?)s.Date),
                Helper = c.Steps.Where(s => s.VoidedAt == null && s.Kind == EventKind.HelperAssigned).OrderByDescending(s => s.Date).Select(s => s.MemberPersonId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var helperIds = cases.Where(c => c.Helper is not null).Select(c => c.Helper!.Value).Distinct().ToList();
        var helpers = await db.People.AsNoTracking().Where(p => helperIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
        var rows = cases.OrderBy(c => c.FullName.Split(' ')[^1], StringComparer.Create(Vietnamese, false)).ThenBy(c => c.FullName, StringComparer.Create(Vietnamese, false))
            .Select((c, i) => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                ["index"] = (i + 1).ToString(CultureInfo.InvariantCulture),
                ["name"] = c.FullName,
                ["birthDate"] = c.DateOfBirth is { } born ? Date(born) : "",
                ["unit"] = c.Unit ?? "",
                ["stage"] = CaseFileModel.Capitalize(c.Stage.ToVietnamese()),
                ["listedOn"] = c.ListedOn is { } on ? Date(on) : "",
                ["helper"] = c.Helper is { } h ? helpers.GetValueOrDefault(h, "") : "",
            })
            .ToList();
        values.Lists["sympathizers"] = rows;
        values["list.count"] = rows.Count.ToString(CultureInfo.InvariantCulture);
        return (FormRenderer.Render(form, values), FileName(SympathizerListCode, today));
    }

    /// <summary>Numbers today's sympathizer list in the cell's register (a BC number: the list is a report's attachment).</summary>
    public async Task<Result<string>> IssueSympathizerListAsync(Organisation cell, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (!me.Holds(cell.Path, Issuers))
        {
            return Result.Failure<string>(new Error("FORM-ISSUER", $"Chỉ chi ủy {cell.Name} mới cấp số cho danh sách của chi bộ."));
        }

        var form = FormCatalogue.Find(SympathizerListCode, today)!;
        var issued = await numbers.InTransactionAsync<IssuedDocument>(
            async () => await numbers.IssueAsync(cell, form.Template!.Symbol, today, form.Code, $"{form.Name} đến ngày {Date(today)}", cancellationToken: cancellationToken),
            cancellationToken);
        return Result.Success(issued!.Number);
    }

    /// <summary>"6-KND-2024-03-05.pdf": no diacritics, so every mail client keeps the name.</summary>
    public static string FileName(string code, DateOnly date) =>
        $"{SearchText.Fold(code).ToUpperInvariant()}-{date:yyyy-MM-dd}";

    private string Place => configuration["Documents:Place"] ?? "Hà Nội";

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private async Task<FormValues> ValuesAsync(CaseContext context, FormDefinition form, CheckReport report, DateOnly today, CancellationToken cancellationToken)
    {
        var template = form.Template!;
        var issuer = context.Issuer(template.Issuer);
        var step = form.Step is { } kind ? context.Step(kind) : null;
        var date = step?.Date ?? today;
        var superior = issuer.ParentId is { } parentId ? context.Ancestors.GetValueOrDefault(parentId) : null;
        var values = new FormValues(new DocumentHeader(superior?.Name ?? "", issuer.Name, context.NumberOf(form) ?? NumberRegister.Draft(issuer, template.Symbol), Place, date));
        var cell = context.Loaded.Cell;
        await CellValuesAsync(values, cell, context.Ancestors, date, cancellationToken);
        values["document.date"] = Date(date);
        values["issuer.name"] = issuer.Name;
        values["issuer.superior"] = superior?.Name;
        values["issuer.secretary"] = await SecretaryAsync(issuer, date, cancellationToken);

        var person = context.Loaded.Applicant;
        values["applicant.name"] = person.FullName;
        values["applicant.gender"] = person.Gender == Gender.Female ? "Nữ" : "Nam";
        values["applicant.birthDate"] = person.DateOfBirth is { } born ? Date(born) : null;
        values["applicant.hometown"] = person.Hometown;
        values["applicant.residence"] = person.Residence;
        values["applicant.ethnicity"] = person.Ethnicity;
        values["applicant.religion"] = person.Religion;
        values["applicant.education"] = person.Education;
        values["applicant.unit"] = person.Organisation is { } unit ? $"lớp {unit.ShortName ?? unit.Name}" : null;
        values["applicant.unionJoined"] = person.YouthUnionJoinedOn is { } joined ? Date(joined) : null;
        values["union.name"] = context.Issuer(FormIssuer.UnionCommittee).Name;

        string? MemberName(Guid? id) => id is { } m ? context.Loaded.MemberNames.GetValueOrDefault(m.ToString()) : null;
        void Document(string prefix, EventKind kind, string? issuerName = null)
        {
            if (context.Step(kind) is { } s)
            {
                values[$"{prefix}.date"] = Date(s.Date);
                values[$"{prefix}.number"] = s.DocumentNumber ?? context.IssuedNumber(FormCatalogue.For(kind)?.Code);
                values[$"{prefix}.issuer"] = issuerName ?? s.Issuer;
            }
        }

        values["awareness.date"] = context.Step(EventKind.AwarenessCertificate) is { } certificate ? Date(certificate.Date) : null;
        var introducers = context.Steps.Where(s => s.Kind == EventKind.Introduction).Select(s => MemberName(s.MemberPersonId)).OfType<string>().Distinct().ToList();
        values["introducers"] = introducers.Count == 0 ? null : string.Join(", ", introducers.Select(n => $"đồng chí {n}"));
        values["helper.name"] = MemberName(context.Step(EventKind.HelperAssigned)?.MemberPersonId);
        values["helperComment.date"] = context.Step(EventKind.HelperComment) is { } comment ? Date(comment.Date) : null;
        Document("cellResolution", EventKind.CellResolution);
        var grassroots = context.Issuer(FormIssuer.GrassrootsCommittee);
        Document("committeeResolution", EventKind.CommitteeResolution, grassroots.Name);
        Document("admission", EventKind.AdmissionDecision, context.Issuer(FormIssuer.CompetentCommittee).Name);
        Document("recognitionResolution", EventKind.RecognitionResolution);
        Document("recognitionCommittee", EventKind.RecognitionCommitteeResolution, grassroots.Name);
        if (context.Step(EventKind.Ceremony) is { } ceremony)
        {
            values["ceremony.date"] = Date(ceremony.Date);
            values["probation.end"] = Date(ceremony.Date.AddMonths(12));
        }

        if (step is { VotesFor: { } votesFor, Eligible: { } eligible })
        {
            values["vote.for"] = votesFor.ToString(CultureInfo.InvariantCulture);
            values["vote.against"] = (step.VotesAgainst ?? 0).ToString(CultureInfo.InvariantCulture);
            values["vote.eligible"] = eligible.ToString(CultureInfo.InvariantCulture);
            values["vote.percent"] = eligible == 0 ? "0%" : (100.0 * votesFor / eligible).ToString("0.#", Vietnamese) + "%";
        }

        values["meeting.date"] = Date(date);
        if (step is not null && await MeetingOfAsync(step.Id, cancellationToken) is { } meeting)
        {
            values["meeting.date"] = Date(meeting.Date);
            values["meeting.present"] = meeting.Attendance.Count(a => a.Status == AttendanceStatus.Present).ToString(CultureInfo.InvariantCulture);
            values["meeting.absent"] = meeting.Attendance.Count(a => a.Status != AttendanceStatus.Present).ToString(CultureInfo.InvariantCulture);
        }

        var errors = report.Findings.Count(f => f.Severity == Severity.Error);
        values["report.asOf"] = Date(today);
        values["report.stage"] = CaseFileModel.Capitalize(report.Stage.ToVietnamese());
        values["report.rulebook"] = CaseFiles.Rulebooks.All.FirstOrDefault(r => r.Id == report.Rulebook)?.Basis ?? report.Rulebook;
        values["report.errors"] = errors.ToString(CultureInfo.InvariantCulture);
        values["report.warnings"] = (report.Findings.Count - errors).ToString(CultureInfo.InvariantCulture);
        values["report.clean"] = report.Findings.Count == 0 ? "1" : null;
        values["report.findings"] = report.Findings.Count > 0 ? "1" : null;
        values["report.deadlines"] = report.Deadlines.Count > 0 ? "1" : null;
        values["report.nextStep"] = DossierAppraisalText.NextStep(report.Stage, cell.IsGrassroots);
        values.Lists["findings"] = [.. report.Findings.Select((f, i) => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            ["index"] = (i + 1).ToString(CultureInfo.InvariantCulture),
            ["severity"] = f.Severity == Severity.Error ? "Lỗi" : "Lưu ý",
            ["message"] = f.Message.TrimEnd('.'),
            ["rule"] = f.Rule,
            ["basis"] = f.Basis,
        })];
        values.Lists["deadlines"] = [.. report.Deadlines.Select(d => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            ["step"] = EventKinds.TryParse(d.Step, out var k) ? CaseFileModel.Capitalize(k.ToVietnamese()) : d.Step,
            ["due"] = Date(d.Due),
            ["state"] = d.Overdue ? "đã quá hạn" : "còn trong hạn",
        })];
        return values;
    }

    private async Task CellValuesAsync(FormValues values, Organisation cell, IReadOnlyDictionary<Guid, Organisation> ancestors, DateOnly date, CancellationToken cancellationToken)
    {
        var roll = await db.Memberships.AsNoTracking()
            .Where(m => m.CellId == cell.Id && m.ProbationaryFrom <= date && (m.EndedOn == null || m.EndedOn > date))
            .Select(m => m.OfficialFrom)
            .ToListAsync(cancellationToken);
        var officials = roll.Count(o => o is { } from && from <= date);
        values["cell.name"] = cell.Name;
        values["cell.superior"] = cell.ParentId is { } parentId ? ancestors.GetValueOrDefault(parentId)?.Name : null;
        values["cell.secretary"] = await SecretaryAsync(cell, date, cancellationToken);
        values["cell.members"] = roll.Count.ToString(CultureInfo.InvariantCulture);
        values["cell.officials"] = officials.ToString(CultureInfo.InvariantCulture);
        values["cell.probationary"] = (roll.Count - officials).ToString(CultureInfo.InvariantCulture);
    }

    private async Task<string?> SecretaryAsync(Organisation organisation, DateOnly date, CancellationToken cancellationToken)
    {
        var ids = new[] { organisation.Id, organisation.ParentId ?? Guid.Empty };
        var secretaries = await db.Positions.AsNoTracking()
            .Where(p => ids.Contains(p.OrganisationId) && (p.Kind == PositionKind.Secretary || p.Kind == PositionKind.UnionSecretary))
            .Where(p => p.From <= date && (p.To == null || p.To >= date))
            .Select(p => new { p.OrganisationId, p.Person!.FullName })
            .ToListAsync(cancellationToken);
        return (secretaries.FirstOrDefault(s => s.OrganisationId == organisation.Id) ?? secretaries.FirstOrDefault())?.FullName;
    }

    private async Task<Meeting?> MeetingOfAsync(Guid stepId, CancellationToken cancellationToken)
    {
        var meetingId = await db.MeetingVotes.AsNoTracking().Where(v => v.CaseStepId == stepId)
            .Join(db.MeetingAgendaItems, v => v.AgendaItemId, a => a.Id, (v, a) => (Guid?)a.MeetingId)
            .FirstOrDefaultAsync(cancellationToken);
        return meetingId is null ? null
            : await db.Meetings.AsNoTracking().Include(m => m.Attendance).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
    }

    private async Task<Dictionary<Guid, Organisation>> AncestorsAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        var ids = organisation.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        return await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
    }

    private async Task<CaseContext> ContextAsync(LoadedCase loaded, CancellationToken cancellationToken)
    {
        var ancestors = await AncestorsAsync(loaded.Cell, cancellationToken);
        // The school's Youth Union committee: the union body under the cell that introduces its members.
        var union = await db.Organisations.AsNoTracking()
            .Where(o => o.Path.StartsWith(loaded.Cell.Path) && (o.Kind == OrganisationKind.UnionCommittee || o.Kind == OrganisationKind.UnionSchool))
            .OrderBy(o => o.Kind == OrganisationKind.UnionCommittee ? 0 : 1)
            .FirstOrDefaultAsync(cancellationToken);
        if (union?.ParentId is { } unionParent && !ancestors.ContainsKey(unionParent))
        {
            ancestors[unionParent] = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == unionParent, cancellationToken);
        }

        var issued = await db.IssuedDocuments.AsNoTracking().Where(d => d.CaseId == loaded.Record.Id)
            .OrderBy(d => d.IssuedAt).ToListAsync(cancellationToken);
        return new CaseContext(loaded, ancestors, union, issued);
    }

    /// <summary>A case with the organisations around it and the numbers its forms took.</summary>
    private sealed record CaseContext(LoadedCase Loaded, Dictionary<Guid, Organisation> Ancestors, Organisation? Union, IReadOnlyList<IssuedDocument> Issued)
    {
        public IReadOnlyList<CaseStepRecord> Steps { get; } = [.. Loaded.Record.Steps.Where(s => s.VoidedAt is null).OrderBy(s => s.Date).ThenBy(s => s.RecordedAt)];

        public CaseStepRecord? Step(EventKind kind) => Steps.LastOrDefault(s => s.Kind == kind);

        public string? IssuedNumber(string? code) => Issued.LastOrDefault(d => d.FormCode == code)?.Number;

        /// <summary>The number written on the step (as recorded, or as issued here), else the register's.</summary>
        public string? NumberOf(FormDefinition form) =>
            (form.Step is { } kind ? Step(kind)?.DocumentNumber : null) ?? IssuedNumber(form.Code);

        /// <summary>
        /// The body that issues a form: the cell; the grassroots committee above it; the committee competent to
        /// admit (above the grassroots organisation); the school's union committee. Missing levels fall back upwards.
        /// </summary>
        public Organisation Issuer(FormIssuer issuer)
        {
            var cell = Loaded.Cell;
            var parent = cell.ParentId is { } p ? Ancestors.GetValueOrDefault(p) : null;
            var grand = parent?.ParentId is { } g ? Ancestors.GetValueOrDefault(g) : null;
            return issuer switch
            {
                FormIssuer.Cell => cell,
                FormIssuer.GrassrootsCommittee => parent ?? cell,
                FormIssuer.CompetentCommittee => (cell.IsGrassroots ? parent : grand ?? parent) ?? cell,
                FormIssuer.UnionCommittee => Union ?? cell,
            };
        }
    }
}
