using Chibo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Browser.Tests;

/// <summary>Files stay inside the organisation they belong to, and the words that say so are Vietnamese.</summary>
[Collection(ChromiumSuite.Name)]
public sealed class AccessJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task The_secretary_of_another_cell_opening_a_case_file_of_the_story_cell_is_told_it_is_not_found()
    {
        var caseId = await app.WithDbAsync(async db =>
        {
            var other = new Organisation { Name = "Chi bộ Trường Trung cấp Thử nghiệm", Kind = OrganisationKind.Cell, IsGrassroots = true };
            other.Path = Organisation.PathOf(null, other.Id);
            db.Organisations.Add(other);
            await db.SaveChangesAsync();
            await app.CreateUserAsync("bithu-khac", "Bí thư chi bộ khác", Role.CellSecretary, other.Id);
            return await db.Cases.Where(c => c.ClosedOn == null).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        });

        var page = await app.SignInAsync("bithu-khac");
        var response = await page.GotoAsync($"{app.BaseUrl}/ho-so/{caseId}");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Không tìm thấy" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("nằm ngoài phạm vi của bạn")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Kết quả kiểm tra theo quy định" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_student_opening_the_board_is_told_she_has_no_right()
    {
        var page = await app.SignInAsync("sinhvien");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bảng theo dõi" })).ToHaveCountAsync(0);

        await page.GotoAsync($"{app.BaseUrl}/bang");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Không có quyền" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bảng theo dõi phát triển đảng viên" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
