using System.Text.Json;
using Chibo.Domain.Common;

namespace Chibo.Domain.Rules;

/// <summary>
/// Rulebooks as a JSON document, so an administrator can add the next regulation without a release:
/// <c>[{"id":"vn-2025-07","effectiveFrom":"2025-07-01","sources":[…],"parameters":{…}}]</c>.
/// </summary>
public static class RulebookJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(RulebookSet rulebooks) =>
        JsonSerializer.Serialize(rulebooks.All.OrderBy(r => r.EffectiveFrom).Select(r => new RulebookDto(r.Id, r.EffectiveFrom, r.Sources, r.Parameters)), Options);

    public static Result<RulebookSet> Parse(string json)
    {
        try
        {
            var items = JsonSerializer.Deserialize<List<RulebookDto>>(json, Options);
            if (items is null || items.Count == 0 || items.Any(i => i.Id is null || i.Sources is null || i.Parameters is null))
            {
                return Result.Failure<RulebookSet>(new Error("RULEBOOK-INPUT", "Danh sách quy định trống hoặc thiếu trường bắt buộc", "$"));
            }

            return Result.Success(new RulebookSet(items.Select(i => new Rulebook(i.Id, i.EffectiveFrom, i.Sources, i.Parameters))));
        }
        catch (JsonException e)
        {
            return Result.Failure<RulebookSet>(new Error("RULEBOOK-INPUT", $"Tệp quy định không hợp lệ: {e.Message}", e.Path ?? "$"));
        }
    }

    private sealed record RulebookDto(string Id, DateOnly EffectiveFrom, IReadOnlyList<LegalSource> Sources, RulebookParameters Parameters);
}
