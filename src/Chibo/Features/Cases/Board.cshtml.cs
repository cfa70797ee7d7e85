using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Cases;

/// <summary>
/// The pipeline board of a cell, or of a committee rolled up over every cell below it: a column per
/// stage with its count and its cards, oldest in the stage first.
/// </summary>
public sealed class BoardModel(AppDbContext db, CurrentUser me, CaseFiles files) : PageModel
{
    private const int CardsPerColumn = 40;

    /// <summary>The stages shown as columns, in the order of the road.</summary>
    public static readonly Stage[] Columns =
    [
        Stage.Source, Stage.Outstanding, Stage.Sympathizer, Stage.Trained, Stage.Applying, Stage.CellProposed,
        Stage.CommitteeProposed, Stage.Admitted, Stage.Probationary, Stage.RecognitionProposed, Stage.Official,
    ];

    [BindProperty(SupportsGet = true)]
    public Guid? Org { get; set; }

    public Organisation Organisation { get; private set; } = null!;

    public IReadOnlyList<Organisation> Choices { get; private set; } = [];

    public IReadOnlyDictionary<Stage, int> Counts { get; private set; } = new Dictionary<Stage, int>();

    public int Closed { get; private set; }

    public ILookup<Stage, Card> Cards { get; private set; } = Array.Empty<Card>().ToLookup(c => c.Stage);

    public DateOnly Today { get; private set; }

    public sealed record Card(Guid Id, Stage Stage, string Name, string? Unit, string? Cell, DateOnly Since);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scopes = me.PathsFor([.. StepPermissions.Readers]);
        if (scopes.Count == 0)
        {
            return Forbid();
        }

        // The organisations a user may open a board for: cells and committees in their subtrees.
        Choices = await db.Organisations.AsNoTracking().Within(scopes)
            .Where(o => o.Kind == OrganisationKind.Cell || o.Kind == OrganisationKind.GrassrootsCommittee || o.Kind == OrganisationKind.BlocCommittee
                || o.Kind == OrganisationKind.DistrictCommittee || o.Kind == OrganisationKind.CityCommittee || o.Kind == OrganisationKind.WardCommittee)
            .OrderBy(o => o.Path.Length).ThenBy(o => o.Name)
            .Take(200)
            .ToListAsync(cancellationToken);
        var chosen = Org is { } id ? Choices.FirstOrDefault(o => o.Id == id) : null;
        if (chosen is null && Org is not null)
        {
            return NotFound();
        }

        chosen ??= await DefaultAsync(scopes, cancellationToken);
        if (chosen is null)
        {
            return NotFound();
        }

        Organisation = chosen;
        Today = files.Today;
        var path = chosen.Path;
        // A board inside the user's subtrees shows every case of its cells; one above them (the cell of a homeroom
        // teacher or of a union secretary) only the cases the user may see: one school's at most, read once as ids
        // rather than tested again by each column's query.
        var cases = db.Cases.AsNoTracking().Where(c => c.Cell!.Path.StartsWith(path));
        if (!scopes.Any(s => s is null || path.StartsWith(s, StringComparison.Ordinal)))
        {
            var visible = await cases.VisibleIn(db, scopes).Select(c => c.Id).ToListAsync(cancellationToken);
            cases = db.Cases.AsNoTracking().Where(c => visible.Contains(c.Id));
        }

        var counts = await cases.GroupBy(c => c.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Counts = counts.ToDictionary(c => c.Key, c => c.Count);
        Closed = counts.Where(c => c.Key.IsTerminal() && c.Key != Stage.Official).Sum(c => c.Count);

        // One query per column keeps each bounded; a board of a city still reads only what it shows.
        var cards = new List<Card>();
        foreach (var stage in Columns.Where(s => Counts.ContainsKey(s)))
        {
            cards.AddRange(await cases.Where(c => c.Stage == stage)
                .OrderBy(c => c.StageSince).ThenBy(c => c.Id)
                .Take(CardsPerColumn)
                .Select(c => new Card(c.Id, c.Stage, c.Person!.FullName, c.Person.Organisation!.ShortName ?? c.Person.Organisation.Name, c.Cell!.Name, c.StageSince))
                .ToListAsync(cancellationToken));
        }

        Cards = cards.ToLookup(c => c.Stage);
        return Page();
    }

    /// <summary>Every case of the chosen organisation by stage, as an .xlsx (export in Features/Exports).</summary>
    public async Task<IActionResult> OnGetXlsxAsync([FromServices] Exports.ListExports exports, CancellationToken cancellationToken)
    {
        var page = await OnGetAsync(cancellationToken);
        return page is PageResult ? await exports.BoardAsync(Organisation, cancellationToken) : page;
    }

    public int Count(Stage stage) => Counts.GetValueOrDefault(stage);

    public int DaysIn(Card card) => Today.DayNumber - card.Since.DayNumber;

    private async Task<Organisation?> DefaultAsync(IReadOnlyList<string?> scopes, CancellationToken cancellationToken)
    {
        // The user's own cell when they hold a role in one; otherwise the top of what they can see.
        var grant = me.Grants.Where(g => StepPermissions.Readers.Contains(g.Role) && g.OrganisationId is not null).Select(g => g.OrganisationId!.Value).ToList();
        var own = await db.Organisations.AsNoTracking().Where(o => grant.Contains(o.Id)).ToListAsync(cancellationToken);
        foreach (var organisation in own.OrderBy(o => o.Path.Length))
        {
            if (organisation.Kind is OrganisationKind.Cell or OrganisationKind.GrassrootsCommittee or OrganisationKind.BlocCommittee
                or OrganisationKind.DistrictCommittee or OrganisationKind.CityCommittee or OrganisationKind.WardCommittee)
            {
                return organisation;
            }

            if (await OpenCase.CellAboveAsync(db, organisation, cancellationToken) is { } cell)
            {
                return cell;
            }
        }

        return Choices.Count > 0 ? Choices[0] : null;
    }
}
