using Chibo.Tests.Infrastructure;

namespace Chibo.Tests.Features.Home;

public abstract class StartPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : DemoApp
{
    [Fact]
    public async Task TheUnionSecretary_SeesTheTaskTheThematicMeetingGaveHer()
    {
        using var client = await SignIn.AsAsync(app.Factory, "doantruong");

        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("Nhiệm vụ của tôi đang mở", page);
        Assert.Contains("từ cuộc họp", page);
    }

    [Fact]
    public async Task TheCellSecretary_SeesTheCasesOfHisCellByStage()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("Hồ sơ trong phạm vi của tôi", page);
        Assert.Contains("Cảm tình Đảng", page, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class StartPageTestsOnSqlite(DemoAppOnSqlite app) : StartPageTests<DemoAppOnSqlite>(app);

public sealed class StartPageTestsOnPostgres(DemoAppOnPostgres app) : StartPageTests<DemoAppOnPostgres>(app);
