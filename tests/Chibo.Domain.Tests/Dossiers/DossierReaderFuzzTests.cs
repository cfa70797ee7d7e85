using System.Text;
using System.Text.Json.Nodes;
using Chibo.Domain.Calendar;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;

namespace Chibo.Domain.Tests.Dossiers;

/// <summary>
/// Whatever bytes arrive, the reader answers with a dossier or an input error and the engine with a report:
/// nothing throws past the boundary. Fixed seeds, so a failure reproduces.
/// </summary>
public class DossierReaderFuzzTests
{
    private static readonly string[] Examples = ["admitted-on-time.json", "cell-vote-short.json", "introducer-known-eight-months.json"];

    private static readonly JsonNode?[] Oddities =
    [
        null, -1, 0, 1, 13, int.MaxValue, 1e300, 7.5, true, false, "", " ", "2024-02-31", "2024-02-29", "0001-01-01",
        "9999-12-31", "1899-12-31", "2200-01-01", "gv1", "nobody", "cell-resolution", "withdrawn", "12/12", "0/12", "13/12",
        "\u0000", "\uD800x", new JsonArray(), new JsonObject(), new JsonArray(1, "a"), new JsonObject { ["kind"] = "ceremony" },
    ];

    [Fact]
    public void Read_RandomBytes_NeverThrows()
    {
        var random = new Random(20261127);
        for (var i = 0; i < 4000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length > 0)
            {
                bytes[0] = (byte)'{';
            }

            ReadAndCheck(bytes);
        }
    }

    [Fact]
    public void Read_EveryTruncationOfTheExamples_NeverThrows()
    {
        foreach (var name in Examples)
        {
            var bytes = ExampleFiles.Bytes(name);
            for (var length = 0; length < bytes.Length; length++)
            {
                var result = ReadAndCheck(bytes[..length]);
                Assert.False(result, $"A truncation of {name} at {length} bytes was accepted");
            }
        }
    }

    [Fact]
    public void Read_RandomByteMutationsOfTheExamples_NeverThrow()
    {
        var random = new Random(7);
        for (var i = 0; i < 5000; i++)
        {
            var bytes = ExampleFiles.Bytes(Examples[i % Examples.Length]).ToList();
            for (var n = random.Next(1, 5); n > 0; n--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(3))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes.RemoveAt(at); break;
                    default: bytes.Insert(at, (byte)"{}[],:\"0123456789-e.tfn\\"[random.Next(24)]); break;
                }
            }

            ReadAndCheck([.. bytes]);
        }
    }

    [Fact]
    public void Read_RandomStructuralMutationsOfTheExamples_NeverThrow()
    {
        var random = new Random(42);
        var accepted = 0;
        for (var i = 0; i < 5000; i++)
        {
            var root = JsonNode.Parse(ExampleFiles.Bytes(Examples[i % Examples.Length]))!;
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                Mutate(root, random);
            }

            accepted += ReadAndCheck(Encoding.UTF8.GetBytes(root.ToJsonString())) ? 1 : 0;
        }

        // Some mutations keep the file valid (a date moved, a count changed): the engine must handle those too.
        Assert.InRange(accepted, 1, 4999);
    }

    private static void Mutate(JsonNode root, Random random)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        var parent = target.Parent;
        var oddity = Oddities[random.Next(Oddities.Length)]?.DeepClone();
        if (random.Next(4) == 0 && target is JsonValue value && value.TryGetValue<string>(out var text) && DateOnly.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var date))
        {
            oddity = date.AddDays(random.Next(-4000, 4000)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        switch (parent)
        {
            case JsonObject o:
                var key = o.First(p => ReferenceEquals(p.Value, target)).Key;
                if (random.Next(5) == 0)
                {
                    o.Remove(key);
                }
                else
                {
                    o[key] = oddity;
                }

                break;
            case JsonArray a:
                var index = a.IndexOf(target);
                if (random.Next(5) == 0)
                {
                    a.RemoveAt(index);
                }
                else
                {
                    a[index] = oddity;
                }

                break;
            default:
                break;
        }
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        if (node.Parent is not null)
        {
            into.Add(node);
        }

        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    if (child is not null)
                    {
                        Collect(child, into);
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (child is not null)
                    {
                        Collect(child, into);
                    }
                }

                break;
            default:
                break;
        }
    }

    /// <returns>True when the input was read as a dossier (and checked).</returns>
    private static bool ReadAndCheck(byte[] bytes)
    {
        var result = DossierReader.Read(bytes);
        if (!result.IsSuccess)
        {
            Assert.NotNull(result.Errors[0].Path);
            return false;
        }

        DossierCheck.Run(result.Value, Rulebooks.Vietnam, WorkingCalendar.Vietnam);
        return true;
    }
}
