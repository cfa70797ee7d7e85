using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Features.Imports;
using Chibo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Chibo.Tests.Imports.Xlsx;

namespace Chibo.Tests.Imports;

/// <summary>A small demo that import tests write to; each test uses its own student codes and classes.</summary>
public abstract class ImportApp(DatabaseProvider provider) : DemoApp(provider, 300);

public sealed class ImportAppOnSqlite() : ImportApp(DatabaseProvider.Sqlite);

public sealed class ImportAppOnPostgres() : ImportApp(DatabaseProvider.Postgres);

/// <summary>The import service on a real database: what a school's sheet becomes, and what it must never become.</summary>
public abstract class ImportTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ImportApp
{
    private const string School = "Trường Cao đẳng Y Hà Nội";

    private async Task<Guid> SchoolIdAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.Organisations.Where(o => o.Name == School).Select(o => o.Id).SingleAsync();
    }

    private async Task<ImportReport> RunAsync(ImportSheet sheet, MemoryStream file, bool commit = true, IReadOnlyDictionary<int, string?>? mapping = null)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<SheetImport>();
        file.Position = 0;
        var request = new ImportRequest(sheet, await SchoolIdAsync(), mapping);
        return commit ? await import.CommitAsync(file, request) : await import.PreviewAsync(file, request);
    }

    private async Task<List<Person>> PeopleAsync(string codePrefix)
    {
        await using var db = app.Database.CreateContext();
        return await db.People.Include(p => p.Organisation).Where(p => p.StudentCode!.StartsWith(codePrefix)).OrderBy(p => p.StudentCode).ToListAsync();
    }

    [Fact]
    public async Task Students_HeadersAsSchoolsWriteThem_DatesAsTextOrSerial_AreCreated_AndAReimportChangesNothing()
    {
        var file = Build(
        [
            ["STT", "HỌ TÊN", "mã  sinh viên", "Ngay sinh", "GIỚI TÍNH", "Lớp", "Số CCCD"],
            [1, "Trần Thị Mai", "T1A001", "05/3/2005", "Nữ", "K23N3", "001305012345"],
            [2, "Lê Văn Nam", "t1a002", "5-3-2005", "nam", "k23n3", null],
            [3, "Phạm Thu Hà", "T1A003", "05.03.2005", "Nữ", "Lớp K23N3", null],
            [4, "Đỗ Minh Anh", "T1A004", Serial(new DateOnly(2005, 3, 5)), "Nữ", "K23N3", new Error("#N/A")],
        ]);

        var first = await RunAsync(ImportSheets.Students, file);
        var again = await RunAsync(ImportSheets.Students, file);

        Assert.True(first.Committed, string.Join("\n", first.Problems));
        Assert.Equal((4, 0, 0), (first.Created, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 4), (again.Created, again.Updated, again.Unchanged));
        var people = await PeopleAsync("T1A");
        Assert.Equal(["T1A001", "T1A002", "T1A003", "T1A004"], people.Select(p => p.StudentCode));
        Assert.All(people, p => Assert.Equal(new DateOnly(2005, 3, 5), p.DateOfBirth));
        Assert.All(people, p => Assert.Equal("K23N3", p.Organisation!.ShortName));
        Assert.Equal("tran thi mai", people[0].SearchName);
        Assert.Null(people[3].NationalId);
        await using var db = app.Database.CreateContext();
        var id = people[0].Id.ToString();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Person" && a.EntityId == id && a.Action == "create"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "import" && a.EntityId == "sinh-vien"));
    }

    [Fact]
    public async Task Students_AChangedCell_UpdatesOnlyThatStudent_AndIsAudited()
    {
        var before = Build([["Mã SV", "Họ và tên", "Giới tính", "Lớp"], ["T2A001", "Vũ Thị Lan", "Nữ", "K23N3"], ["T2A002", "Bùi Văn Hải", "Nam", "K23N3"]]);
        await RunAsync(ImportSheets.Students, before);
        var after = Build([["Mã SV", "Họ và tên", "Giới tính", "Lớp"], ["T2A001", "Vũ Thị Lan Anh", "Nữ", "K23N3"], ["T2A002", "Bùi Văn Hải", "Nam", "K23N3"]]);

        var report = await RunAsync(ImportSheets.Students, after);

        Assert.Equal((0, 1, 1), (report.Created, report.Updated, report.Unchanged));
        var people = await PeopleAsync("T2A");
        Assert.Equal("Vũ Thị Lan Anh", people[0].FullName);
        Assert.Equal(1, people[0].Version);
        await using var db = app.Database.CreateContext();
        var id = people[0].Id.ToString();
        var update = await db.AuditEntries.SingleAsync(a => a.EntityId == id && a.Action == "update");
        Assert.Contains("Vũ Thị Lan Anh", update.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Students_EveryRowsProblemIsListed_AndNothingIsWritten()
    {
        var file = Build(
        [
            ["Mã SV", "Họ và tên", "Ngày sinh", "Giới tính", "Lớp"],
            ["T3A001", "Hoàng Văn An", "05/3/2005", "Nam", "K23N3"],
            ["T3A002", "Hoàng Văn Bình", "31/02/2005", "Nam", "K23N3"],
            ["T3A003", "Hoàng Văn Cường", "05/3/2005", "Nam", "K99Z9"],
            ["T3A001", "Hoàng Văn Dũng", "05/3/2005", "Nam", "K23N3"],
            ["T3A005", new Error("#N/A"), "05/3/2005", "Nam", "K23N3"],
            ["T3A006", "Hoàng Văn Giang", "05/3/2005", null, "K23N3"],
        ]);

        var report = await RunAsync(ImportSheets.Students, file);

        Assert.False(report.Committed);
        var lines = report.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(lines, l => l.StartsWith("Dòng 3:", StringComparison.Ordinal) && l.Contains("Ngày sinh \"31/02/2005\" không hợp lệ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Dòng 4:", StringComparison.Ordinal) && l.Contains("Lớp \"K99Z9\" không có", StringComparison.Ordinal));
        Assert.Contains(lines, l => l == "Dòng 5: Mã sinh viên T3A001 trùng với dòng 2.");
        Assert.Contains(lines, l => l.StartsWith("Dòng 6: Thiếu Họ và tên", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Dòng 7: Thiếu Giới tính", StringComparison.Ordinal));
        Assert.Empty(await PeopleAsync("T3A"));
    }

    [Fact]
    public async Task Students_AnUnrecognisedColumn_IsMissing_UntilTheUserMapsIt()
    {
        var file = Build([["Mã SV", "Sinh viên (đầy đủ)", "Giới tính", "Lớp"], ["T4A001", "Ngô Thị Hoa", "Nữ", "K23N3"]]);

        var unmapped = await RunAsync(ImportSheets.Students, file, commit: false);
        var mapped = await RunAsync(ImportSheets.Students, file, mapping: new Dictionary<int, string?>
        {
            [0] = ImportSheets.StudentCode, [1] = ImportSheets.FullName, [2] = ImportSheets.Gender, [3] = ImportSheets.Class,
        });

        Assert.Contains(unmapped.Problems, p => p.Row == 0 && p.Message.StartsWith("Thiếu cột bắt buộc: Họ và tên", StringComparison.Ordinal));
        Assert.Contains(unmapped.Columns, c => c.Header == "Sinh viên (đầy đủ)" && c.Field is null);
        Assert.True(mapped.Committed, string.Join("\n", mapped.Problems));
        Assert.Equal("Ngô Thị Hoa", Assert.Single(await PeopleAsync("T4A")).FullName);
    }

    [Fact]
    public async Task Students_MergedTitleAndTwoLineHeader_AreReadAsOneHeader()
    {
        var file = Build(
        [
            ["DANH SÁCH SINH VIÊN LỚP K23N3", null, null, null, null],
            ["Mã SV", "Họ và tên", "Thông tin", null, "Lớp"],
            [null, null, "Ngày sinh", "Giới tính", null],
            ["T5A001", "Đặng Thị Thu", "05/3/2005", "Nữ", "K23N3"],
        ], "A1:E1", "A2:A3", "B2:B3", "C2:D2", "E2:E3");

        var report = await RunAsync(ImportSheets.Students, file);

        Assert.True(report.Committed, string.Join("\n", report.Problems));
        Assert.Equal(3, report.HeaderRow);
        var person = Assert.Single(await PeopleAsync("T5A"));
        Assert.Equal((new DateOnly(2005, 3, 5), Gender.Female), (person.DateOfBirth!.Value, person.Gender));
    }

    [Fact]
    public async Task Students_AClassMergedDownItsRows_GoesToEveryRowItCovers()
    {
        var file = Build(
        [
            ["STT", "Mã SV", "Họ và tên", "Giới tính", "Lớp"],
            [1, "T5M001", "Hà Thị Lan", "Nữ", "K23N3"],
            [2, "T5M002", "Hà Văn Nam", "Nam", null],
            [3, "T5M003", "Hà Thị Mai", "Nữ", null],
            [4, "T5M004", "Vũ Thị Đào", "Nữ", "K23N3"],
        ], "E2:E4");

        var report = await RunAsync(ImportSheets.Students, file);

        Assert.True(report.Committed, string.Join("\n", report.Problems));
        var people = await PeopleAsync("T5M");
        Assert.Equal(4, people.Count);
        await using var db = app.Database.CreateContext();
        var classIds = people.Select(p => p.OrganisationId).Distinct().ToList();
        Assert.EndsWith("K23N3", Assert.Single(await db.Organisations.Where(o => classIds.Contains(o.Id)).Select(o => o.Name).ToListAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terms_GpaOnEitherScale_AndScoresOutOfRange_AreChecked_ThenConductUpdatesTheTerm()
    {
        await RunAsync(ImportSheets.Students, Build([["Mã SV", "Họ và tên", "Giới tính", "Lớp"], ["T6A001", "Lý Thị Nga", "Nữ", "K23N3"], ["T6A002", "Lý Văn Tú", "Nam", "K23N3"]]));
        var bad = Build(
        [
            ["Mã SV", "Năm học", "Học kỳ", "ĐTB hệ 10", "Xếp loại", "Điểm RL"],
            ["T6A001", "2023-2024", 1, 11, "Giỏi", 85],
            ["T6A002", "2023-2024", "HK1", "8,2", "Giỏi", 120],
            ["T6A999", "2023-2024", 1, 8, "Giỏi", 85],
        ]);
        var good = Build(
        [
            ["Mã SV", "Năm học", "Học kỳ", "ĐTB hệ 10", "Xếp loại", "Điểm RL"],
            ["T6A001", "2023 - 2024", "Học kỳ I", "8,25", "Giỏi", 85],
            ["T6A002", 2023, 1, 6.5, "Trung bình", 70],
        ]);
        var conduct = Build([["Mã SV", "Năm học", "Học kỳ", "Điểm rèn luyện", "Xếp loại rèn luyện"], ["T6A001", "2023-2024", 1, 92, "Xuất sắc"], ["T6A002", "2023-2024", 1, 75, "Tốt"]]);

        var refused = await RunAsync(ImportSheets.Grades, bad);
        var created = await RunAsync(ImportSheets.Grades, good);
        var again = await RunAsync(ImportSheets.Grades, good);
        var mismatch = await RunAsync(ImportSheets.Conduct, conduct);

        var lines = refused.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(lines, l => l.StartsWith("Dòng 2: Điểm trung bình hệ 10 11 nằm ngoài khoảng 0–10", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Dòng 3: Điểm rèn luyện 120 nằm ngoài khoảng 0–100", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Dòng 4: Không có sinh viên mã T6A999", StringComparison.Ordinal));
        Assert.Equal((2, 0, 0), (created.Created, created.Updated, created.Unchanged));
        Assert.Equal((0, 0, 2), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(["Dòng 3: Điểm rèn luyện 75 không khớp xếp loại tốt (80–89 điểm)."], mismatch.Problems.Select(p => p.ToString()));

        var fixedConduct = Build([["Mã SV", "Năm học", "Học kỳ", "Điểm rèn luyện"], ["T6A001", "2023-2024", 1, 92]]);
        var updated = await RunAsync(ImportSheets.Conduct, fixedConduct);

        Assert.Equal((0, 1, 0), (updated.Created, updated.Updated, updated.Unchanged));
        await using var db = app.Database.CreateContext();
        var terms = await db.StudentTerms.Where(t => db.People.Any(p => p.Id == t.PersonId && p.StudentCode!.StartsWith("T6A"))).OrderBy(t => t.Gpa).ToListAsync();
        Assert.Equal([(6.5m, 10, LearningRank.Average, 70), (8.25m, 10, LearningRank.VeryGood, 92)], terms.Select(t => (t.Gpa, t.GpaScale, t.Learning, t.ConductScore)));
    }

    [Fact]
    public async Task Classes_CreateAClassAndItsBranch_AndStudentsCanJoinThem()
    {
        var classes = Build([["Mã lớp", "Tên lớp"], ["K24T7", "Lớp K24T7"]]);

        var first = await RunAsync(ImportSheets.Classes, classes);
        var again = await RunAsync(ImportSheets.Classes, classes);
        var students = await RunAsync(ImportSheets.Students, Build([["Mã SV", "Họ và tên", "Giới tính", "Lớp"], ["T7A001", "Trịnh Văn Long", "Nam", "K24T7"]]));

        Assert.Equal((1, 0), (first.Created, first.Unchanged));
        Assert.Equal((0, 1), (again.Created, again.Unchanged));
        Assert.True(students.Committed, string.Join("\n", students.Problems));
        await using var db = app.Database.CreateContext();
        var person = await db.People.SingleAsync(p => p.StudentCode == "T7A001");
        var branch = await db.Organisations.SingleAsync(o => o.Id == person.UnionBranchId);
        Assert.Equal(("Chi đoàn K24T7", OrganisationKind.UnionBranch), (branch.Name, branch.Kind));
    }

    [Fact]
    public async Task Template_ReadsBackAsAValidSheet_ForEveryKind()
    {
        foreach (var sheet in ImportSheets.All)
        {
            var stream = new MemoryStream();
            await ImportSheets.WriteTemplateAsync(sheet, stream);

            var report = await RunAsync(sheet, stream, commit: false);

            Assert.All(report.Columns, c => Assert.True(c.Recognised, $"{sheet.Title}: {c.Header}"));
            Assert.DoesNotContain(report.Problems, p => p.Row == 0);
            Assert.Equal(1, report.Rows);
        }
    }

    [Theory]
    [InlineData("plain text, not a workbook", "không phải bảng tính Excel (.xlsx)")]
    [InlineData("", "Tệp rỗng")]
    public async Task NotASpreadsheet_IsRefusedWithTheReason(string content, string reason)
    {
        var report = await RunAsync(ImportSheets.Students, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)));

        Assert.Contains(reason, Assert.Single(report.Problems).Message, StringComparison.Ordinal);
        Assert.False(report.Committed);
    }

    [Fact]
    public async Task AnOldXlsFile_IsRefused_WithHowToSaveIt()
    {
        var report = await RunAsync(ImportSheets.Students, new MemoryStream([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]));

        Assert.Contains(".xls", Assert.Single(report.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZipThatIsNotAWorkbook_IsRefused()
    {
        var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("hello.txt");
        }

        var report = await RunAsync(ImportSheets.Students, stream);

        Assert.Contains("không phải bảng tính Excel", Assert.Single(report.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptySheet_OrHeadersWithoutRows_IsRefused()
    {
        var empty = await RunAsync(ImportSheets.Students, Build([]));
        var headersOnly = await RunAsync(ImportSheets.Students, Build([["Mã SV", "Họ và tên", "Giới tính", "Lớp"]]));

        Assert.Contains("không có", Assert.Single(empty.Problems).Message, StringComparison.Ordinal);
        Assert.Equal("Trang tính không có dòng dữ liệu nào dưới dòng tiêu đề.", Assert.Single(headersOnly.Problems).Message);
    }

    [Fact]
    public async Task AMillionRows_AreRefusedAtTheRowLimit_WhileStreaming()
    {
        var path = Path.Combine(app.Database.Settings.DataDirectory, "million.xlsx");
        await using (var output = File.Create(path))
        {
            Write(output, Million(), [], "A1:D1000001");
        }

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<SheetImport>();
        await using var file = new CountingStream(File.OpenRead(path));

        var report = await import.CommitAsync(file, new ImportRequest(ImportSheets.Students, await SchoolIdAsync()));

        Assert.Equal("Bảng tính có hơn 20.000 dòng dữ liệu. Hãy chia thành nhiều tệp, mỗi tệp không quá 20.000 dòng.", Assert.Single(report.Problems).Message);
        Assert.Empty(await PeopleAsync("M"));
        // The sheet is streamed and the reading stops at the limit: most of the file is never read.
        Assert.True(file.BytesRead < file.Length / 4, $"read {file.BytesRead:N0} of {file.Length:N0} bytes");

        static IEnumerable<object?[]> Million()
        {
            yield return ["Mã SV", "Họ và tên", "Giới tính", "Lớp"];
            for (var i = 0; i < 1_000_000; i++)
            {
                yield return [$"M{i:0000000}", "Nguyễn Văn A", "Nam", "K23N3"];
            }
        }
    }
}

public sealed class ImportTestsOnSqlite(ImportAppOnSqlite app) : ImportTests<ImportAppOnSqlite>(app);

public sealed class ImportTestsOnPostgres(ImportAppOnPostgres app) : ImportTests<ImportAppOnPostgres>(app);
