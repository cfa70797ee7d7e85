namespace Chibo.Cli;

internal static class WorkdaysCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        await stderr.WriteLineAsync("chibo: lệnh này chưa có.");
        return ChiboCommandLine.ExitUsage;
    }
}
