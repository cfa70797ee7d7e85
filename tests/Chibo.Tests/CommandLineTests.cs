using Chibo.Cli;

namespace Chibo.Tests;

public class CommandLineTests
{
    [Fact]
    public async Task UnknownVerb_PrintsUsageAndExits2()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ChiboCommandLine.RunAsync(["frobnicate"], stdout, stderr);
        Assert.Equal(2, code);
        Assert.Contains("lệnh không tồn tại", stderr.ToString());
        Assert.Contains("chibo check", stderr.ToString());
    }
}
