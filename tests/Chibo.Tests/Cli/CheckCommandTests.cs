using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Chibo.Cli;
using Chibo.Data;
using Chibo.Tests.Infrastructure;

namespace Chibo.Tests.Cli;

public sealed class CheckCommandTests : IDisposable
{
    private static readonly string Examples = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", "Chibo.Domain.Tests", "Dossiers", "Examples"));

    private readonly string _temp = Directory.CreateTempSubdirectory("chibo-check-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("admitted-on-time.json", 0, new string[0])]
    [InlineData("introducer-known-eight-months.json", 1, new[] { "INTRODUCER-UNDER-12-MONTHS" })]
    [InlineData("cell-vote-short.json", 1, new[] { "CELL-VOTE-BELOW-TWO-THIRDS" })]
    public async Task CheckJson_ExampleFile_SaysWhatTheSpecSays(string name, int exit, string[] rules)
    {
        var (code, stdout, stderr) = await Run(Example(name), "--json");
        Assert.Equal(exit, code);
        Assert.Empty(stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(["file", "stage", "rulebook", "findings", "deadlines"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Example(name), root.GetProperty("file").GetString());
        Assert.Equal("Probationary", root.GetProperty("stage").GetString());
        Assert.Equal("vn-2025-07", root.GetProperty("rulebook").GetString());
        Assert.Equal(rules, root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()));
        foreach (var finding in root.GetProperty("findings").EnumerateArray())
        {
            Assert.Equal(["rule", "severity", "message", "basis"], finding.EnumerateObject().Select(p => p.Name));
            Assert.Equal("error", finding.GetProperty("severity").GetString());
        }

        var deadline = Assert.Single(root.GetProperty("deadlines").EnumerateArray());
        Assert.Equal("""{"step":"recognition-resolution","due":"2027-01-15","overdue":false}""", deadline.GetRawText());
    }

    [Fact]
    public async Task CheckJson_WritesReadableVietnameseNotEscapes()
    {
        var (_, stdout, _) = await Run(Example("introducer-known-eight-months.json"), "--json");
        Assert.Contains("Người giới thiệu Nguyễn Đức Thành", stdout);
        Assert.DoesNotContain("\\u", stdout);
        Assert.DoesNotContain("\n", stdout.TrimEnd());
    }

    [Fact]
    public async Task CheckJson_SeveralFiles_WritesOneArrayAndTheWorstExitCode()
    {
        var (code, stdout, _) = await Run(Example("admitted-on-time.json"), Example("cell-vote-short.json"), "--json");
        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(2, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Check_ImpossibleDate_Exits2NamingTheFileAndThePath()
    {
        var file = Path.Combine(_temp, "bad.json");
        var text = await File.ReadAllTextAsync(Example("admitted-on-time.json"));
        await File.WriteAllTextAsync(file, text.Replace("2025-09-08", "2025-02-31", StringComparison.Ordinal));
        var (code, stdout, stderr) = await Run(file, "--json");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(file, stderr);
        Assert.Contains("$.events[5].date", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task CheckJson_BatchWithAnUnreadableFile_Exits2AndKeepsItsPlaceInTheArray()
    {
        var missing = Path.Combine(_temp, "missing.json");
        var (code, stdout, stderr) = await Run(Example("admitted-on-time.json"), missing, "--json");
        Assert.Equal(2, code);
        Assert.Contains(missing, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(2, json.RootElement.GetArrayLength());
        Assert.Equal("$", json.RootElement[1].GetProperty("error").GetProperty("path").GetString());
    }

    [Fact]
    public async Task Check_WithoutJson_WritesTheAppraisalInVietnamese()
    {
        var (code, stdout, _) = await Run(Example("introducer-known-eight-months.json"));
        Assert.Equal(1, code);
        Assert.Contains("BÁO CÁO THẨM ĐỊNH", stdout);
        Assert.Contains("Vũ Thị Ngọc Ánh", stdout);
        Assert.Contains("Đảng viên dự bị", stdout);
        Assert.Contains("Căn cứ: Quy định 294-QĐ/TW", stdout);
        Assert.Contains("15/01/2027", stdout);
        Assert.Contains("Bước tiếp theo", stdout);
    }

    [Fact]
    public async Task Check_WithoutFiles_Exits2WithUsage()
    {
        var (code, _, stderr) = await Run();
        Assert.Equal(2, code);
        Assert.Contains("chibo check", stderr);
    }

    [Fact]
    public async Task Check_UnknownOption_Exits2() =>
        Assert.Equal(2, (await Run(Example("admitted-on-time.json"), "--yaml")).Code);

    [Fact]
    public async Task DossiersApi_AnswersWhatTheCommandAnswers_AndNamesThePathOfBadInput()
    {
        await using var app = await ChiboFactory.StartAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();

        using var body = new StringContent(await File.ReadAllTextAsync(Example("cell-vote-short.json")));
        using var ok = await client.PostAsync(new Uri("/api/v1/dossiers/check", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var (_, stdout, _) = await Run(Example("cell-vote-short.json"), "--json");
        var fromCommand = stdout.Trim().Replace($"\"file\":{JsonSerializer.Serialize(Example("cell-vote-short.json"))},", string.Empty, StringComparison.Ordinal);
        Assert.Equal(fromCommand, await ok.Content.ReadAsStringAsync());

        using var badBody = new StringContent("""{"format":"chibo-dossier/1","x":1}""");
        using var bad = await client.PostAsync(new Uri("/api/v1/dossiers/check", UriKind.Relative), badBody);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Equal("$.x", problem.RootElement.GetProperty("path").GetString());
    }

    private static string Example(string name) => Path.Combine(Examples, name);

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ChiboCommandLine.RunAsync(["check", .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
