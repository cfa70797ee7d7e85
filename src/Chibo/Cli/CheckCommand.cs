using System.Buffers;
using System.Text;
using System.Text.Json;
using Chibo.Domain.Calendar;
using Chibo.Domain.Common;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;
using Chibo.Features.Dossiers;

namespace Chibo.Cli;

/// <summary>
/// <c>chibo check FILE... [--json]</c>: appraises dossier files. Exit 0 when no finding is an error, 1 when
/// one is, 2 when a file cannot be read (this wins over 1 in a batch; the other files are still checked).
/// Files are read one at a time, so a batch of ten thousand needs no more memory than one.
/// </summary>
internal static class CheckCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var json = false;
        var files = new List<string>(args.Length);
        foreach (var arg in args)
        {
            if (arg == "--json")
            {
                json = true;
            }
            else if (arg.StartsWith('-') && arg.Length > 1)
            {
                await stderr.WriteLineAsync($"chibo check: tùy chọn không hợp lệ: '{arg}'. Cách dùng: chibo check TỆP... [--json]");
                return ChiboCommandLine.ExitUsage;
            }
            else
            {
                files.Add(arg);
            }
        }

        if (files.Count == 0)
        {
            await stderr.WriteLineAsync("chibo check: thiếu tệp hồ sơ. Cách dùng: chibo check TỆP... [--json]");
            return ChiboCommandLine.ExitUsage;
        }

        var rulebooks = Rulebooks.Vietnam;
        var calendar = WorkingCalendar.Vietnam;
        var batch = files.Count > 1;
        var exit = ChiboCommandLine.ExitOk;
        var buffer = new ArrayBufferWriter<byte>(4096);
        var text = new StringBuilder(2048);
        using var writer = new Utf8JsonWriter(buffer, DossierJson.WriterOptions);
        if (json && batch)
        {
            await stdout.WriteAsync('[');
        }

        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var read = ReadFile(file);
            if (!read.IsSuccess)
            {
                var error = read.Errors[0];
                await stderr.WriteLineAsync($"chibo check: {file}: {error.Path}: {error.Message}");
                exit = ChiboCommandLine.ExitUsage;
                if (json && batch)
                {
                    buffer.ResetWrittenCount();
                    writer.Reset();
                    DossierJson.WriteInputError(writer, file, error);
                    writer.Flush();
                    await WriteJsonAsync(stdout, buffer, i > 0);
                }

                continue;
            }

            var report = DossierCheck.Run(read.Value, rulebooks, calendar);
            if (report.HasErrors && exit == ChiboCommandLine.ExitOk)
            {
                exit = ChiboCommandLine.ExitFindings;
            }

            if (json)
            {
                buffer.ResetWrittenCount();
                writer.Reset();
                DossierJson.WriteReport(writer, file, report);
                writer.Flush();
                await WriteJsonAsync(stdout, buffer, batch && i > 0);
            }
            else
            {
                text.Clear();
                if (i > 0)
                {
                    text.AppendLine().AppendLine(new string('─', 60)).AppendLine();
                }

                DossierAppraisalText.Write(text, file, read.Value, report, rulebooks);
                await stdout.WriteAsync(text.ToString());
            }
        }

        if (json && batch)
        {
            await stdout.WriteLineAsync("]");
        }
        else if (json && exit != ChiboCommandLine.ExitUsage)
        {
            await stdout.WriteLineAsync();
        }

        await stdout.FlushAsync();
        return exit;
    }

    private static async Task WriteJsonAsync(TextWriter stdout, ArrayBufferWriter<byte> buffer, bool comma)
    {
        var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        await stdout.WriteAsync(comma ? "," + json : json);
    }

    private static Result<Dossier> ReadFile(string file)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "không tìm thấy tệp",
                UnauthorizedAccessException => "không có quyền đọc tệp",
                _ => "không đọc được tệp",
            };
            return Result.Failure<Dossier>(new Error(DossierReader.InputError, reason, "$"));
        }

        return DossierReader.Read(bytes);
    }
}
