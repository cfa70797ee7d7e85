using System.Text.Json;
using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Meetings;

public sealed record ScoreCriterion(string Title, string? Description, int Maximum);

/// <summary>A rating band: a total of at least <see cref="Minimum"/> points earns <see cref="Name"/> (Tốt, Khá…).</summary>
public sealed record ScoreBand(string Name, int Minimum);

/// <summary>What a criteria sheet holds: the criteria with their maximum points and the rating bands.</summary>
public sealed record ScoreSheetContent(string Name, IReadOnlyList<ScoreCriterion> Criteria, IReadOnlyList<ScoreBand> Bands)
{
    public int Maximum => Criteria.Sum(c => c.Maximum);

    /// <summary>The band of a total: the highest band whose minimum it reaches.</summary>
    public string BandFor(int total) => Bands.OrderByDescending(b => b.Minimum).First(b => total >= b.Minimum).Name;
}

/// <summary>The sheet that applies to an organisation, and where it comes from.</summary>
/// <param name="Owner">The organisation that keeps it; null for the sheet shipped with Chibo.</param>
public sealed record EffectiveSheet(ScoreSheetContent Content, Organisation? Owner, ScoreSheet? Stored);

/// <summary>
/// Criteria sheets for scoring meetings: each organisation may keep one, the organisations below inherit the
/// nearest one on their path, and Chibo ships a default (default-score-sheet.json) for a tree that keeps none.
/// The committee owning an organisation edits its sheet.
/// </summary>
public sealed class ScoreSheets(AppDbContext db, CurrentUser me, TimeProvider clock)
{
    public const string Conflict = "SHEET-CONFLICT";

    private static readonly Error Stale = new(Conflict, "Phiếu chấm điểm vừa được người khác sửa sau khi bạn mở trang, nên thay đổi của bạn chưa được lưu. Hãy xem lại rồi nhập lại.");

    /// <summary>Cells keep their sheet by their committee; superior committees by their organisation department.</summary>
    public static readonly Role[] Editors = [Role.Administrator, Role.OrganisationDepartment, Role.CellSecretary, Role.CellCommittee];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ScoreSheetContent Default { get; } = LoadDefault();

    public static bool KeepsSheet(OrganisationKind kind) => kind is OrganisationKind.Cell or OrganisationKind.GrassrootsCommittee
        or OrganisationKind.BlocCommittee or OrganisationKind.WardCommittee or OrganisationKind.DistrictCommittee or OrganisationKind.CityCommittee;

    public bool CanEdit(Organisation organisation) => KeepsSheet(organisation.Kind) && me.Holds(organisation.Path, Editors);

    public static ScoreSheetContent Parse(string json) => JsonSerializer.Deserialize<ScoreSheetContent>(json, Json)!;

    public async Task<EffectiveSheet> ForAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        var path = organisation.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        var sheets = await db.ScoreSheets.AsNoTracking().Include(s => s.Organisation)
            .Where(s => path.Contains(s.OrganisationId)).ToListAsync(cancellationToken);
        var nearest = sheets.OrderByDescending(s => path.IndexOf(s.OrganisationId)).FirstOrDefault();
        return nearest is null ? new EffectiveSheet(Default, null, null) : new EffectiveSheet(Parse(nearest.ContentJson), nearest.Organisation, nearest);
    }

    /// <summary>Saves an organisation's own sheet; <paramref name="expectedVersion"/> is that of the sheet the form showed (null: none of its own).</summary>
    public async Task<Result<ScoreSheet>> SaveAsync(Guid organisationId, int? expectedVersion, ScoreSheetContent content, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null || !CanEdit(organisation))
        {
            return Fail(MeetingErrors.Forbidden, "Chỉ cấp ủy của tổ chức này mới sửa phiếu chấm điểm của nó.");
        }

        if (Validate(content) is { } invalid)
        {
            return Result.Failure<ScoreSheet>(invalid);
        }

        var sheet = await db.ScoreSheets.SingleOrDefaultAsync(s => s.OrganisationId == organisationId, cancellationToken);
        if (sheet?.Version != expectedVersion)
        {
            return Result.Failure<ScoreSheet>(Stale);
        }

        var cleaned = content with
        {
            Name = content.Name.Trim(),
            Criteria = [.. content.Criteria.Select(c => c with { Title = c.Title.Trim(), Description = CreateMeeting.Clean(c.Description) })],
            Bands = [.. content.Bands.Select(b => b with { Name = b.Name.Trim() }).OrderByDescending(b => b.Minimum)],
        };
        if (sheet is null)
        {
            sheet = new ScoreSheet { OrganisationId = organisationId, Name = cleaned.Name, ContentJson = "", UpdatedBy = me.DisplayName };
            db.ScoreSheets.Add(sheet);
        }

        sheet.Name = cleaned.Name;
        sheet.ContentJson = JsonSerializer.Serialize(cleaned, Json);
        sheet.UpdatedBy = me.DisplayName;
        sheet.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException or DbUpdateException)
        {
            // Two first saves of one organisation's sheet meet on its unique index: the later one is a conflict too.
            db.ChangeTracker.Clear();
            return Result.Failure<ScoreSheet>(Stale);
        }

        return Result.Success(sheet);
    }

    public static Error? Validate(ScoreSheetContent content)
    {
        if (string.IsNullOrWhiteSpace(content.Name))
        {
            return new Error("SHEET-NAME", "Nhập tên phiếu chấm điểm.");
        }

        if (content.Criteria.Count is 0 or > 30)
        {
            return new Error("SHEET-CRITERIA", "Phiếu cần từ 1 đến 30 tiêu chí.");
        }

        if (content.Criteria.FirstOrDefault(c => string.IsNullOrWhiteSpace(c.Title) || c.Maximum is < 1 or > 100) is { } bad)
        {
            return new Error("SHEET-CRITERION", $"Tiêu chí \"{bad.Title}\": cần tên và điểm tối đa từ 1 đến 100.");
        }

        if (content.Bands.Count == 0 || content.Bands.All(b => b.Minimum != 0))
        {
            return new Error("SHEET-BANDS", "Cần các mức xếp loại, trong đó mức thấp nhất bắt đầu từ 0 điểm.");
        }

        if (content.Bands.Any(b => string.IsNullOrWhiteSpace(b.Name) || b.Minimum < 0 || b.Minimum > content.Maximum))
        {
            return new Error("SHEET-BAND", $"Mỗi mức xếp loại cần tên và điểm tối thiểu từ 0 đến {content.Maximum} (tổng điểm tối đa).");
        }

        if (content.Bands.DistinctBy(b => b.Minimum).Count() != content.Bands.Count || content.Bands.DistinctBy(b => b.Name.Trim()).Count() != content.Bands.Count)
        {
            return new Error("SHEET-BAND-DUPLICATE", "Hai mức xếp loại trùng tên hoặc trùng điểm tối thiểu.");
        }

        return MeetingErrors.FirstTooLong([("Tên phiếu", content.Name, 300), .. content.Criteria.SelectMany(c => new[] { ("Tên tiêu chí", (string?)c.Title, 300), ("Mô tả tiêu chí", c.Description, 1000) }), .. content.Bands.Select(b => ("Tên mức xếp loại", (string?)b.Name, 100))]);
    }

    private static ScoreSheetContent LoadDefault()
    {
        using var stream = typeof(ScoreSheets).Assembly.GetManifestResourceStream("Chibo.Meetings.default-score-sheet.json")!;
        return JsonSerializer.Deserialize<ScoreSheetContent>(stream, Json)!;
    }

    private static Result<ScoreSheet> Fail(string code, string message) => Result.Failure<ScoreSheet>(new Error(code, message));
}
