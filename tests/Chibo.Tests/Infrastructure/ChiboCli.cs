using System.Diagnostics;
using Chibo.Cli;

namespace Chibo.Tests.Infrastructure;

/// <summary>Runs <c>chibo</c> verbs in-process, or as a real process when a test must kill it.</summary>
public static class ChiboCli
{
    public static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ChiboCommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString().TrimEnd('\r', '\n'), stderr.ToString().TrimEnd('\r', '\n'));
    }

    /// <summary>Starts the built <c>chibo</c> executable with redirected output.</summary>
    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("chibo did not start");
    }
}
