using System.Diagnostics;
using Chibo.Features.Imports;

namespace Chibo.Cli;

/// <summary>
/// <c>chibo import KIND FILE --org ID [--dry-run]</c>: the web page's import from the command line, for a first
/// load and for the benchmark. All rows or none; the problems go to stderr, one line each.
/// </summary>
internal static class ImportCommand
{
    /// <summary>English names for scripts, next to the Vietnamese slugs of the page.</summary>
    private static readonly Dictionary<string, ImportSheet> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["students"] = ImportSheets.Students,
        ["classes"] = ImportSheets.Classes,
        ["grades"] = ImportSheets.Grades,
        ["conduct"] = ImportSheets.Conduct,
        ["union"] = ImportSheets.UnionRatings,
    };

    private const int ShownProblems = 100;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var host = await CliHost.StartAsync("import", args, ["--dry-run"], ["--data", "--org"], stderr);
        if (host is null)
        {
            return ChiboCommandLine.ExitUsage;
        }

        if (host.Args.Positionals is not [var kindText, var path]
            || (Kinds.GetValueOrDefault(kindText) ?? ImportSheets.BySlug(kindText)) is not { } sheet
            || !Guid.TryParse(host.Args.Value("--org"), out var org))
        {
            await stderr.WriteLineAsync("chibo import: dùng 'chibo import students|classes|grades|conduct|union TỆP.xlsx --org ID_TRƯỜNG [--dry-run]' (ID lấy từ 'chibo org list').");
            return ChiboCommandLine.ExitUsage;
        }

        if (!File.Exists(path))
        {
            await stderr.WriteLineAsync($"chibo import: không có tệp '{path}'.");
            return ChiboCommandLine.ExitUsage;
        }

        var import = ActivatorUtilities.CreateInstance<SheetImport>(host.Services);
        var watch = Stopwatch.StartNew();
        await using var file = File.OpenRead(path);
        var request = new ImportRequest(sheet, org);
        var report = host.Args.Has("--dry-run") ? await import.PreviewAsync(file, request) : await import.CommitAsync(file, request);
        foreach (var problem in report.Problems.Take(ShownProblems))
        {
            await stderr.WriteLineAsync(problem.ToString());
        }

        if (report.Problems.Count > ShownProblems)
        {
            await stderr.WriteLineAsync($"… và {report.Problems.Count - ShownProblems:N0} vấn đề khác.");
        }

        if (report.Problems.Count > 0)
        {
            await stderr.WriteLineAsync($"chibo import: {report.Problems.Count:N0} vấn đề; không ghi dòng nào.");
            return ChiboCommandLine.ExitFindings;
        }

        var verb = report.Committed ? "Đã nhập" : "Kiểm tra xong (chưa ghi)";
        await stdout.WriteLineAsync($"{verb} {report.Rows:N0} dòng {sheet.Title.ToLowerInvariant()}: thêm mới {report.Created:N0}, cập nhật {report.Updated:N0}, không đổi {report.Unchanged:N0} ({watch.Elapsed.TotalSeconds:0.0} giây).");
        return ChiboCommandLine.ExitOk;
    }
}
