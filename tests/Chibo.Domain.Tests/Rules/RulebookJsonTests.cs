using Chibo.Domain.Rules;

namespace Chibo.Domain.Tests.Rules;

public class RulebookJsonTests
{
    [Fact]
    public void TheNationalRulebooks_RoundTripThroughJson()
    {
        var json = RulebookJson.Serialize(Rulebooks.Vietnam);
        var parsed = RulebookJson.Parse(json);
        Assert.True(parsed.IsSuccess);
        Assert.Equal(Rulebooks.Vietnam.All.Select(r => (r.Id, r.EffectiveFrom, r.Basis, r.Parameters)), parsed.Value.All.Select(r => (r.Id, r.EffectiveFrom, r.Basis, r.Parameters)));
        Assert.Contains("\"294-QĐ/TW\"", json);
    }

    [Fact]
    public void ARulebookWithAnUnknownParameter_IsRefused() =>
        Assert.False(RulebookJson.Parse("""[{"id":"x","effectiveFrom":"2030-01-01","sources":[],"parameters":{"minAgeYears":18}}]""").IsSuccess);
}
