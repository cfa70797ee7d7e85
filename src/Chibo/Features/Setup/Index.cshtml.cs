using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Rules;
using UnionRating = Chibo.Domain.Rules.UnionRating;
using Chibo.Features.Cases;
using Chibo.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Setup;

/// <summary>What the first step's form carries; the settings page edits the same fields.</summary>
public sealed class OrganisationForm
{
    public string? CellName { get; set; }
    public bool IsGrassroots { get; set; }
    public Guid? SuperiorId { get; set; }
    public string? NewSuperiorName { get; set; }
    public OrganisationKind NewSuperiorKind { get; set; } = OrganisationKind.GrassrootsCommittee;
    public string? SchoolName { get; set; }
    public string? RulebookId { get; set; }
    public bool HasPolicy { get; set; }
    public PolicyFields Policy { get; set; } = PolicyFields.From(PolicyInput.From(StudentPolicy.Example));
    public int Version { get; set; }

    public OrganisationChoice ToChoice() =>
        new(CellName, IsGrassroots, SuperiorId, NewSuperiorName, NewSuperiorKind, SchoolName, RulebookId, HasPolicy ? Policy.ToInput() : null, Version);

    /// <summary>The form as the installation stands: the cell's own values, or the defaults before there is one.</summary>
    public static async Task<OrganisationForm> LoadAsync(AppDbContext db, SetupState? state, DateOnly today, CancellationToken cancellationToken)
    {
        var form = new OrganisationForm { RulebookId = CaseFiles.Rulebooks.InForceOn(today).Id };
        var cell = state?.CellId is { } cellId ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == cellId, cancellationToken) : null;
        if (state is null || cell is null)
        {
            return form;
        }

        var school = state.SchoolId is { } schoolId ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == schoolId, cancellationToken) : null;
        form.Version = state.Version;
        form.CellName = cell.Name;
        form.IsGrassroots = cell.IsGrassroots;
        form.SuperiorId = cell.ParentId;
        form.SchoolName = school?.Name;
        form.RulebookId = state.RulebookId ?? form.RulebookId;
        if (cell.StudentPolicyJson is { } json)
        {
            form.HasPolicy = true;
            form.Policy = PolicyFields.From(PolicyInput.From(LocalPolicies.Deserialize(json)));
        }

        return form;
    }
}

/// <summary>A page that shows the organisation choices (the setup's first step, the settings page).</summary>
public interface IOrganisationFormPage
{
    OrganisationForm Input { get; }

    IReadOnlyList<Organisation> Superiors { get; }
}

/// <summary>The local policy's fields as a form binds them.</summary>
public sealed class PolicyFields
{
    public string? Title { get; set; }
    public int RecentTerms { get; set; }
    public LearningGrade MinLearning { get; set; }
    public int MinConductScore { get; set; }
    public UnionRating MinUnionRating { get; set; }
    public int MinSympathizerMonths { get; set; }

    public static PolicyFields From(PolicyInput input) => new()
    {
        Title = input.Title,
        RecentTerms = input.RecentTerms,
        MinLearning = input.MinLearning,
        MinConductScore = input.MinConductScore,
        MinUnionRating = input.MinUnionRating,
        MinSympathizerMonths = input.MinSympathizerMonths,
    };

    public PolicyInput ToInput() => new(Title ?? "", RecentTerms, MinLearning, MinConductScore, MinUnionRating, MinSympathizerMonths);
}

/// <summary>
/// The guided setup of a fresh installation, one step at a time: the organisation, the people (through the
/// Excel import), the proposed sympathizers, the team. Progress is stored, so leaving and coming back resumes
/// where it stopped; every choice can be changed later in <c>/cai-dat</c>.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentUser me, ChiboClock clock, TimeProvider time, SetupOrganisation setup, SourceProposal proposal) : PageModel, IOrganisationFormPage
{
    public static readonly (SetupStep Step, string Slug, string Title)[] Steps =
    [
        (SetupStep.Organisation, "to-chuc", "Chi bộ của bạn"),
        (SetupStep.People, "nguoi", "Sinh viên"),
        (SetupStep.Proposal, "de-xuat", "Đề xuất cảm tình Đảng"),
        (SetupStep.Team, "doi-ngu", "Mời cộng sự"),
    ];

    [BindProperty(SupportsGet = true, Name = "buoc")]
    public string? StepSlug { get; set; }

    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    [BindProperty]
    public List<Guid> Chosen { get; set; } = [];

    [BindProperty]
    public DateOnly? Date { get; set; }

    public bool IsDemo => clock.IsDemo;

    public SetupState? State { get; private set; }

    public SetupStep Step { get; private set; }

    public Organisation? Cell { get; private set; }

    public Organisation? School { get; private set; }

    public IReadOnlyList<Organisation> Superiors { get; private set; } = [];

    public int Students { get; private set; }

    public int StudentsWithTerms { get; private set; }

    public SourceProposal.Proposal? Proposal { get; private set; }

    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];

    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!me.IsAdministrator)
        {
            return Forbid();
        }

        if (IsDemo)
        {
            return Page();
        }

        await LoadAsync(cancellationToken);
        if (Step == SetupStep.Organisation)
        {
            Input = await OrganisationForm.LoadAsync(db, State, Today, cancellationToken);
        }

        Date ??= Today;
        if (Proposal is not null)
        {
            Chosen = [.. Proposal.Students.Where(s => s.Meets && s.Blocked is null).Select(s => s.PersonId)];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostOrganisationAsync(CancellationToken cancellationToken)
    {
        if (!me.IsAdministrator || IsDemo)
        {
            return Forbid();
        }

        var result = await setup.RunAsync(Input.ToChoice(), cancellationToken);
        if (!result.IsSuccess)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Path is null ? "" : $"Input.{error.Path}", error.Message);
            }

            StepSlug = "to-chuc";
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect("/thiet-lap?buoc=nguoi");
    }

    public async Task<IActionResult> OnPostNextAsync(CancellationToken cancellationToken)
    {
        if (!me.IsAdministrator || IsDemo)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        if (State is null || Cell is null)
        {
            return Redirect("/thiet-lap");
        }

        var next = Step + 1;
        if (State.Step < next)
        {
            State.Step = next;
            if (next == SetupStep.Done)
            {
                State.CompletedAt = time.GetUtcNow().UtcDateTime;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return next == SetupStep.Done ? Redirect($"/bang?org={Cell.Id}") : Redirect($"/thiet-lap?buoc={Slug(next)}");
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (!me.IsAdministrator || IsDemo)
        {
            return Forbid();
        }

        StepSlug = "de-xuat";
        await LoadAsync(cancellationToken);
        if (State is null || Cell is null || Proposal is null)
        {
            return Redirect("/thiet-lap");
        }

        if (Chosen.Count == 0)
        {
            ModelState.AddModelError(nameof(Chosen), "Chọn ít nhất một sinh viên, hoặc bấm \"Để sau\" nếu chưa muốn đưa ai vào danh sách.");
        }

        if (Date is null || Date > Today)
        {
            ModelState.AddModelError(nameof(Date), "Nhập ngày chi bộ họp xét, không sau hôm nay.");
        }

        var known = Proposal.Students.Select(s => s.PersonId).ToHashSet();
        if (Chosen.Any(id => !known.Contains(id)))
        {
            ModelState.AddModelError(nameof(Chosen), "Chỉ chọn được sinh viên của trường đang thiết lập.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var problems = await proposal.ConfirmAsync(Cell, Chosen, Date!.Value, cancellationToken);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError("", problem);
            }

            ModelState.AddModelError("", "Chưa ghi ai vào danh sách cảm tình Đảng: sửa các điểm trên rồi gửi lại.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Flash"] = $"Đã đưa {Chosen.Distinct().Count()} sinh viên vào danh sách cảm tình Đảng của {Cell.Name}.";
        return await OnPostNextAsync(cancellationToken);
    }

    public static string Slug(SetupStep step) => Steps.FirstOrDefault(s => s.Step == step).Slug ?? "to-chuc";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        State = await SetupOrganisation.StateAsync(db, cancellationToken);
        var reached = State?.Step ?? SetupStep.Organisation;
        var asked = Steps.FirstOrDefault(s => s.Slug == StepSlug);
        // A step may be revisited; one not reached yet resumes where the setup stopped.
        Step = asked.Slug is not null && asked.Step <= reached ? asked.Step : reached == SetupStep.Done ? SetupStep.Team : reached;
        Superiors = await db.Organisations.AsNoTracking()
            .Where(o => SetupOrganisation.SuperiorKinds.Contains(o.Kind))
            .OrderBy(o => o.Path.Length).ThenBy(o => o.Name)
            .Take(500)
            .ToListAsync(cancellationToken);
        Cell = State?.CellId is { } cellId ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == cellId, cancellationToken) : null;
        School = State?.SchoolId is { } schoolId ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == schoolId, cancellationToken) : null;
        if (Cell is null || School is null)
        {
            Step = SetupStep.Organisation;
            return;
        }

        var students = db.People.AsNoTracking().Where(p => p.Organisation!.Kind == OrganisationKind.SchoolClass && p.Organisation.Path.StartsWith(School.Path));
        Students = await students.CountAsync(cancellationToken);
        StudentsWithTerms = await students.CountAsync(p => p.Terms.Any(), cancellationToken);
        if (Step == SetupStep.Proposal)
        {
            Proposal = await proposal.ProposeAsync(Cell, School, Today, cancellationToken);
        }

        if (Step == SetupStep.Team)
        {
            Invitations = await db.Invitations.AsNoTracking()
                .Where(i => i.Organisation!.Path.StartsWith(Cell.Path))
                .OrderBy(i => i.CreatedAt)
                .ToListAsync(cancellationToken);
        }
    }
}
