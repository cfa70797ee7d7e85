using Chibo.Hosting;

namespace Chibo.Cli;

/// <summary><c>chibo [--demo] [--data DIR] [--urls URL]</c>: serves the web application.</summary>
internal static class ServeCommand
{
    private static readonly string[] Switches = ["--demo"];
    private static readonly string[] Valued = ["--data", "--urls"];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args, Switches, Valued, out var error);
        if (parsed is null || parsed.Positionals.Count > 0)
        {
            await stderr.WriteLineAsync($"chibo: {error ?? $"đối số thừa: {parsed!.Positionals[0]}."}");
            await stderr.WriteLineAsync(ChiboCommandLine.Usage);
            return ChiboCommandLine.ExitUsage;
        }

        var app = WebApp.Build([.. parsed.ConfigurationArgs]);
        await app.RunAsync();
        return ChiboCommandLine.ExitOk;
    }
}
