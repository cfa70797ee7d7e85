using Chibo.Spreadsheets;

namespace Chibo.Features.Imports;

public enum ImportKind
{
    Students,
    Classes,
    Grades,
    Conduct,
    UnionRatings,
}

/// <summary>A value a sheet can carry, with the header names schools give its column (compared folded).</summary>
public sealed record ImportField(string Key, string Label, string[] Aliases)
{
    public bool Matches(string headerKey) => Aliases.Any(a => CellText.Key(a) == headerKey);
}

/// <summary>One kind of sheet: its address, its fields, which of them are required, and its template's example row.</summary>
public sealed record ImportSheet(ImportKind Kind, string Slug, string Title, string Help, IReadOnlyList<ImportField> Fields, IReadOnlyList<string> Required, IReadOnlyList<(string Field, object Example)> Template)
{
    public ImportField Field(string key) => Fields.Single(f => f.Key == key);

    /// <summary>The field a header names, or null.</summary>
    public ImportField? Recognise(string header)
    {
        var key = CellText.Key(header);
        return key.Length == 0 ? null : Fields.FirstOrDefault(f => f.Matches(key));
    }
}

/// <summary>The sheets Chibo takes in, with the headers as schools write them.</summary>
public static class ImportSheets
{
    public const string StudentCode = "ma-sv";
    public const string FullName = "ho-ten";
    public const string FamilyName = "ho-dem";
    public const string GivenName = "ten";
    public const string DateOfBirth = "ngay-sinh";
    public const string Gender = "gioi-tinh";
    public const string Class = "lop";
    public const string Branch = "chi-doan";
    public const string NationalId = "cccd";
    public const string Phone = "dien-thoai";
    public const string Email = "email";
    public const string Ethnicity = "dan-toc";
    public const string Religion = "ton-giao";
    public const string Hometown = "que-quan";
    public const string Residence = "noi-o";
    public const string UnionMember = "doan-vien";
    public const string UnionJoined = "ngay-vao-doan";
    public const string ClassCode = "ma-lop";
    public const string ClassName = "ten-lop";
    public const string BranchName = "ten-chi-doan";
    public const string SchoolYear = "nam-hoc";
    public const string Semester = "hoc-ky";
    public const string Gpa = "diem-tb";
    public const string Gpa4 = "diem-tb-4";
    public const string Gpa10 = "diem-tb-10";
    public const string GpaScale = "thang-diem";
    public const string Learning = "xep-loai-hoc-tap";
    public const string ConductScore = "diem-ren-luyen";
    public const string ConductRank = "xep-loai-ren-luyen";
    public const string UnionRating = "xep-loai-doan-vien";

    private static readonly ImportField[] StudentKey =
    [
        new(StudentCode, "Mã sinh viên", ["Mã SV", "Mã sinh viên", "Mã số sinh viên", "MSSV", "Mã HS", "Mã học sinh", "Mã HSSV", "Mã số"]),
        new(FullName, "Họ và tên", ["Họ và tên", "Họ tên", "Họ và tên sinh viên", "Họ tên sinh viên", "Họ và tên học sinh", "Tên sinh viên"]),
    ];

    private static readonly ImportField[] TermKey =
    [
        new(SchoolYear, "Năm học", ["Năm học", "NH"]),
        new(Semester, "Học kỳ", ["Học kỳ", "HK", "Kỳ", "Kỳ học"]),
    ];

    private static readonly ImportField[] TermValues =
    [
        new(Gpa, "Điểm trung bình", ["Điểm TB", "Điểm trung bình", "ĐTB", "Điểm TBC", "Điểm trung bình chung", "TBC", "GPA", "Điểm TB học kỳ", "ĐTB học kỳ"]),
        new(Gpa4, "Điểm trung bình hệ 4", ["ĐTB hệ 4", "Điểm TB hệ 4", "Điểm trung bình hệ 4", "Điểm trung bình chung hệ 4", "TBC hệ 4", "GPA hệ 4", "ĐTB thang 4", "Điểm TB thang 4"]),
        new(Gpa10, "Điểm trung bình hệ 10", ["ĐTB hệ 10", "Điểm TB hệ 10", "Điểm trung bình hệ 10", "Điểm trung bình chung hệ 10", "TBC hệ 10", "ĐTB thang 10", "Điểm TB thang 10"]),
        new(GpaScale, "Thang điểm", ["Thang điểm", "Hệ điểm"]),
        new(Learning, "Xếp loại học tập", ["Xếp loại học tập", "Xếp loại học lực", "Học lực", "Xếp loại HT", "Xếp loại"]),
        new(ConductScore, "Điểm rèn luyện", ["Điểm rèn luyện", "Điểm RL", "ĐRL", "Điểm đánh giá rèn luyện"]),
        new(ConductRank, "Xếp loại rèn luyện", ["Xếp loại rèn luyện", "Xếp loại RL", "Rèn luyện", "Hạnh kiểm", "Xếp loại hạnh kiểm"]),
        new(UnionRating, "Xếp loại đoàn viên", ["Xếp loại đoàn viên", "Xếp loại ĐV", "Đánh giá đoàn viên", "Xếp loại Đoàn viên", "Kết quả đánh giá đoàn viên"]),
    ];

    public static readonly ImportSheet Students = new(
        ImportKind.Students, "sinh-vien", "Danh sách sinh viên",
        "Mỗi dòng một sinh viên; mã sinh viên là khóa: nhập lại cùng tệp không tạo bản ghi trùng mà chỉ cập nhật những gì đã đổi.",
        [
            .. StudentKey,
            new(FamilyName, "Họ đệm", ["Họ đệm", "Họ và tên đệm", "Họ", "Họ và đệm"]),
            new(GivenName, "Tên", ["Tên"]),
            new(DateOfBirth, "Ngày sinh", ["Ngày sinh", "Ngày tháng năm sinh", "NS", "Sinh ngày"]),
            new(Gender, "Giới tính", ["Giới tính", "GT", "Phái"]),
            new(Class, "Lớp", ["Lớp", "Mã lớp", "Lớp học", "Tên lớp", "Lớp sinh hoạt"]),
            new(Branch, "Chi đoàn", ["Chi đoàn", "Chi đoàn sinh hoạt"]),
            new(NationalId, "Số CCCD", ["Số CCCD", "CCCD", "Số định danh", "Số định danh cá nhân", "CMND/CCCD", "CMND", "Số CMND", "Căn cước công dân", "Số căn cước"]),
            new(Phone, "Điện thoại", ["Điện thoại", "SĐT", "Số điện thoại", "ĐT", "Di động"]),
            new(Email, "Email", ["Email", "E-mail", "Thư điện tử"]),
            new(Ethnicity, "Dân tộc", ["Dân tộc"]),
            new(Religion, "Tôn giáo", ["Tôn giáo"]),
            new(Hometown, "Quê quán", ["Quê quán", "Nguyên quán"]),
            new(Residence, "Nơi ở hiện nay", ["Nơi ở hiện nay", "Nơi ở", "Địa chỉ", "Nơi thường trú", "Hộ khẩu thường trú", "Chỗ ở hiện nay"]),
            new(UnionMember, "Đoàn viên", ["Đoàn viên", "Là đoàn viên", "ĐV"]),
            new(UnionJoined, "Ngày vào Đoàn", ["Ngày vào Đoàn", "Ngày kết nạp Đoàn", "Ngày vào Đoàn TNCS HCM"]),
        ],
        [StudentCode, FullName, Class],
        [
            (StudentCode, "CYH23N00999"), (FullName, "Nguyễn Thị Lan Anh"), (DateOfBirth, new DateOnly(2005, 3, 5)), (Gender, "Nữ"),
            (Class, "K23N3"), (Branch, "K23N3"), (NationalId, "001305012345"), (Phone, "0912345678"), (Email, "lananh@example.edu.vn"),
            (Ethnicity, "Kinh"), (Religion, "Không"), (Hometown, "Hà Nội"), (Residence, "Thanh Xuân, Hà Nội"), (UnionMember, "x"),
            (UnionJoined, new DateOnly(2021, 3, 26)),
        ]);

    public static readonly ImportSheet Classes = new(
        ImportKind.Classes, "lop", "Lớp và chi đoàn",
        "Mỗi dòng một lớp; Chibo tạo lớp trong trường và chi đoàn cùng tên trong Đoàn trường. Mã lớp là khóa.",
        [
            new(ClassCode, "Mã lớp", ["Mã lớp", "Lớp", "Ký hiệu lớp", "Lớp học"]),
            new(ClassName, "Tên lớp", ["Tên lớp", "Tên lớp học", "Tên đầy đủ"]),
            new(BranchName, "Tên chi đoàn", ["Chi đoàn", "Tên chi đoàn"]),
        ],
        [ClassCode],
        [(ClassCode, "K24N1"), (ClassName, "Lớp K24N1"), (BranchName, "Chi đoàn K24N1")]);

    public static readonly ImportSheet Grades = new(
        ImportKind.Grades, "ket-qua-hoc-tap", "Kết quả học tập",
        "Mỗi dòng một sinh viên trong một học kỳ: điểm trung bình (hệ 4 hoặc hệ 10) và xếp loại; có thể kèm điểm rèn luyện và xếp loại đoàn viên.",
        [.. StudentKey, .. TermKey, .. TermValues],
        [StudentCode, SchoolYear, Semester],
        [
            (StudentCode, "CYH23N00999"), (FullName, "Nguyễn Thị Lan Anh"), (SchoolYear, "2023-2024"), (Semester, 1),
            (Gpa4, 3.25m), (Learning, "Giỏi"), (ConductScore, 85), (ConductRank, "Tốt"), (UnionRating, "Hoàn thành tốt nhiệm vụ"),
        ]);

    public static readonly ImportSheet Conduct = new(
        ImportKind.Conduct, "ren-luyen", "Điểm rèn luyện",
        "Mỗi dòng điểm rèn luyện (0–100) của một sinh viên trong một học kỳ đã có kết quả học tập.",
        [.. StudentKey, .. TermKey, .. TermValues],
        [StudentCode, SchoolYear, Semester, ConductScore],
        [(StudentCode, "CYH23N00999"), (FullName, "Nguyễn Thị Lan Anh"), (SchoolYear, "2023-2024"), (Semester, 1), (ConductScore, 85), (ConductRank, "Tốt")]);

    public static readonly ImportSheet UnionRatings = new(
        ImportKind.UnionRatings, "doan-vien", "Xếp loại đoàn viên",
        "Mỗi dòng xếp loại đoàn viên của một sinh viên trong một học kỳ đã có kết quả học tập.",
        [.. StudentKey, .. TermKey, .. TermValues],
        [StudentCode, SchoolYear, Semester, UnionRating],
        [(StudentCode, "CYH23N00999"), (FullName, "Nguyễn Thị Lan Anh"), (SchoolYear, "2023-2024"), (Semester, 1), (UnionRating, "Hoàn thành tốt nhiệm vụ")]);

    public static readonly IReadOnlyList<ImportSheet> All = [Students, Classes, Grades, Conduct, UnionRatings];

    public static ImportSheet? BySlug(string? slug) => All.FirstOrDefault(s => s.Slug == slug);

    /// <summary>The template: the headers, and one example row a school can overwrite.</summary>
    public static async Task WriteTemplateAsync(ImportSheet sheet, Stream output, CancellationToken cancellationToken = default)
    {
        var columns = sheet.Template
            .Select(t => new SheetColumn<object?>(sheet.Field(t.Field).Label, _ => t.Example, Math.Max(14, sheet.Field(t.Field).Label.Length + 4)))
            .ToList();
        await SheetWriter.WriteAsync(output, sheet.Title, columns, [null], cancellationToken);
    }
}
