using Chibo.Cli;

namespace Chibo.Tests.Cli;

public class CalendarCommandTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ChiboCommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString().TrimEnd('\r', '\n'), stderr.ToString().TrimEnd('\r', '\n'));
    }

    [Fact]
    public async Task Lunar_Tet2007_PrintsTheSpecJson()
    {
        var (code, output, error) = await RunAsync("lunar", "2007-02-17", "--json");
        Assert.Equal(0, code);
        Assert.Equal("""{"year":2007,"month":1,"day":1,"leap":false}""", output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Lunar_ALeapMonthDay_SaysLeapInJson()
    {
        var (code, output, _) = await RunAsync("lunar", "--json", "2020-05-23");
        Assert.Equal(0, code);
        Assert.Equal("""{"year":2020,"month":4,"day":1,"leap":true}""", output);
    }

    [Fact]
    public async Task Lunar_WithoutJson_PrintsAVietnameseSentenceWithTheCanChiYear()
    {
        var (code, output, _) = await RunAsync("lunar", "2007-02-17");
        Assert.Equal(0, code);
        Assert.Equal("Ngày 17/02/2007 là mùng 1 tháng Giêng năm Đinh Hợi (âm lịch)", output);
    }

    [Fact]
    public async Task Workdays_ThirtyFrom10November2025_Is22December()
    {
        var (code, output, _) = await RunAsync("workdays", "add", "2025-11-10", "30", "--json");
        Assert.Equal(0, code);
        Assert.Equal("""{"date":"2025-12-22"}""", output);
    }

    [Fact]
    public async Task Workdays_FifteenFrom24December2025_SkipsNewYearAndCountsSaturday10January()
    {
        var (code, output, _) = await RunAsync("workdays", "add", "2025-12-24", "15", "--json");
        Assert.Equal(0, code);
        Assert.Equal("""{"date":"2026-01-15"}""", output);
    }

    [Fact]
    public async Task Workdays_WithoutJson_NamesTheWeekdayInVietnamese()
    {
        var (code, output, _) = await RunAsync("workdays", "add", "2025-12-24", "15");
        Assert.Equal(0, code);
        Assert.Equal("Ngày làm việc thứ 15 sau 24/12/2025 là thứ Năm, 15/01/2026.", output);
    }

    [Fact]
    public async Task Holidays_2026_PrintsTheAnnouncedDaysWithReadableVietnamese()
    {
        var (code, output, _) = await RunAsync("holidays", "2026", "--json");
        Assert.Equal(0, code);
        Assert.Equal(
            """[{"date":"2026-01-01","name":"Tết Dương lịch"},{"date":"2026-01-02","name":"Nghỉ hoán đổi (làm bù thứ Bảy 10/01)"},"""
            + """{"date":"2026-02-16","name":"Tết Nguyên đán"},{"date":"2026-02-17","name":"Tết Nguyên đán"},{"date":"2026-02-18","name":"Tết Nguyên đán"},"""
            + """{"date":"2026-02-19","name":"Tết Nguyên đán"},{"date":"2026-02-20","name":"Tết Nguyên đán"},{"date":"2026-04-27","name":"Nghỉ bù Giỗ Tổ Hùng Vương"},"""
            + """{"date":"2026-04-30","name":"Ngày Chiến thắng"},{"date":"2026-05-01","name":"Ngày Quốc tế Lao động"},"""
            + """{"date":"2026-08-31","name":"Nghỉ hoán đổi (làm bù thứ Bảy 22/08)"},{"date":"2026-09-01","name":"Quốc khánh (ngày nghỉ liền kề)"},"""
            + """{"date":"2026-09-02","name":"Quốc khánh"}]""",
            output);
        Assert.DoesNotContain("\\u", output);
    }

    [Fact]
    public async Task Holidays_WithoutJson_ListsTheDaysAndTheWorkedSaturdays()
    {
        var (code, output, _) = await RunAsync("holidays", "2026");
        Assert.Equal(0, code);
        Assert.Contains("9441/TB-BNV", output);
        Assert.Contains("thứ Hai  16/02/2026  Tết Nguyên đán", output);
        Assert.Contains("Làm bù: thứ Bảy 10/01/2026, thứ Bảy 22/08/2026.", output);
    }

    [Theory]
    [InlineData("ngày không tồn tại: 2024-02-31", "lunar", "2024-02-31", "--json")]
    [InlineData("ngày phải có dạng YYYY-MM-DD", "lunar", "17/02/2007")]
    [InlineData("thiếu tham số", "lunar")]
    [InlineData("thừa tham số", "lunar", "2007-02-17", "2007-02-18")]
    [InlineData("tùy chọn không hợp lệ '--xml'", "lunar", "2007-02-17", "--xml")]
    [InlineData("năm 1899 nằm ngoài khoảng hỗ trợ 1900–2100", "lunar", "1899-12-31")]
    [InlineData("năm 2101 nằm ngoài khoảng hỗ trợ", "lunar", "2101-01-01")]
    [InlineData("thiếu tham số", "workdays", "add", "2025-11-10")]
    [InlineData("thiếu tham số", "workdays")]
    [InlineData("lệnh con không tồn tại 'plus'", "workdays", "plus", "2025-11-10", "3")]
    [InlineData("số ngày N phải là số nguyên", "workdays", "add", "2025-11-10", "ba")]
    [InlineData("số ngày N phải là số nguyên", "workdays", "add", "2025-11-10", "1.5")]
    [InlineData("số ngày N không được âm", "workdays", "add", "2025-11-10", "-3")]
    [InlineData("ngày không tồn tại: 2023-02-29", "workdays", "add", "2023-02-29", "3")]
    [InlineData("kết quả rơi vào năm 2101", "workdays", "add", "2100-12-01", "100")]
    [InlineData("tùy chọn không hợp lệ '-v'", "workdays", "add", "2025-11-10", "3", "-v")]
    [InlineData("năm 1800 nằm ngoài khoảng hỗ trợ", "holidays", "1800")]
    [InlineData("năm phải là số có dạng YYYY", "holidays", "hai nghìn")]
    [InlineData("thiếu tham số", "holidays", "--json")]
    public async Task BadInput_PrintsOneVietnameseLineAndExits2(string message, params string[] args)
    {
        var (code, output, error) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(message, error);
        Assert.DoesNotContain('\n', error);
        Assert.DoesNotContain("Exception", error);
    }
}
