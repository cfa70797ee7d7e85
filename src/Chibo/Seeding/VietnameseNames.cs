using Chibo.Data.Entities;

namespace Chibo.Seeding;

/// <summary>Plausible Vietnamese names and places for synthetic people, drawn from a seeded generator.</summary>
internal static class VietnameseNames
{
    // Family names weighted roughly by how common they are.
    private static readonly (string Name, int Weight)[] FamilyNames =
    [
        ("Nguyễn", 31), ("Trần", 11), ("Lê", 10), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 3), ("Phan", 4), ("Vũ", 4),
        ("Võ", 2), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 1), ("Ngô", 2), ("Dương", 1), ("Lý", 1), ("Đinh", 1),
        ("Đào", 1), ("Trịnh", 1), ("Mai", 1), ("Tạ", 1), ("Lương", 1), ("Chu", 1), ("Kiều", 1),
    ];

    private static readonly string[] FemaleMiddle = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Hồng", "Khánh", "Bảo", "Mai", "Thùy", "Diệu", "Quỳnh", "Hải"];
    private static readonly string[] FemaleGiven =
    [
        "Anh", "Ánh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Huyền", "Hương", "Lan", "Linh", "Loan",
        "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Tâm", "Thảo", "Thủy", "Trang", "Uyên",
        "Vân", "Yến", "Nhi", "Thư", "Trâm", "Diệp", "Hân", "Khuê", "Lam", "Ly", "Xuân",
    ];

    private static readonly string[] MaleMiddle = ["Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Anh", "Hoàng", "Trung", "Tuấn", "Xuân", "Ngọc", "Mạnh", "Duy", "Gia"];
    private static readonly string[] MaleGiven =
    [
        "An", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đông", "Đức", "Giang", "Hải", "Hiếu", "Hòa", "Hoàng", "Hùng", "Huy",
        "Khang", "Khánh", "Kiên", "Lâm", "Long", "Mạnh", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn",
        "Tài", "Thắng", "Thành", "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ",
    ];

    /// <summary>Provinces with the first three digits of their citizen identity numbers.</summary>
    internal static readonly (string Name, string Code)[] Provinces =
    [
        ("Hà Nội", "001"), ("Hà Nội", "001"), ("Hà Nội", "001"), ("Hải Phòng", "031"), ("Nam Định", "036"), ("Thái Bình", "034"),
        ("Hà Nam", "035"), ("Ninh Bình", "037"), ("Thanh Hóa", "038"), ("Nghệ An", "040"), ("Hà Tĩnh", "042"), ("Bắc Ninh", "027"),
        ("Bắc Giang", "024"), ("Hưng Yên", "033"), ("Hải Dương", "030"), ("Phú Thọ", "025"), ("Vĩnh Phúc", "026"),
        ("Thái Nguyên", "019"), ("Tuyên Quang", "008"), ("Lạng Sơn", "020"), ("Cao Bằng", "004"), ("Hòa Bình", "017"),
        ("Sơn La", "014"), ("Lào Cai", "010"), ("Yên Bái", "015"), ("Quảng Ninh", "022"),
    ];

    private static readonly string[] HanoiWards =
    [
        "Phường Khương Đình, quận Thanh Xuân", "Phường Thanh Xuân Trung, quận Thanh Xuân", "Phường Nhân Chính, quận Thanh Xuân",
        "Phường Hạ Đình, quận Thanh Xuân", "Phường Khương Mai, quận Thanh Xuân", "Phường Kim Giang, quận Thanh Xuân",
        "Phường Đại Kim, quận Hoàng Mai", "Phường Định Công, quận Hoàng Mai", "Phường Dịch Vọng, quận Cầu Giấy",
        "Phường Mộ Lao, quận Hà Đông", "Phường Láng Thượng, quận Đống Đa", "Phường Trung Hòa, quận Cầu Giấy",
    ];

    private static readonly (string Name, int Weight)[] Ethnicities =
    [
        ("Kinh", 88), ("Mường", 3), ("Tày", 3), ("Thái", 2), ("Nùng", 2), ("Dao", 1), ("H'Mông", 1),
    ];

    private static readonly int FamilyTotal = FamilyNames.Sum(f => f.Weight);
    private static readonly int EthnicityTotal = Ethnicities.Sum(e => e.Weight);

    public static string FullName(Random random, Gender gender) => gender == Gender.Female
        ? $"{Family(random)} {Pick(random, FemaleMiddle)} {Pick(random, FemaleGiven)}"
        : $"{Family(random)} {Pick(random, MaleMiddle)} {Pick(random, MaleGiven)}";

    public static string Ethnicity(Random random) => Weighted(random, Ethnicities, EthnicityTotal);

    public static string HanoiResidence(Random random) => $"{Pick(random, HanoiWards)}, Hà Nội";

    /// <summary>A 12-digit citizen identity number: province, century and sex digit, year of birth, serial.</summary>
    public static string NationalId(Random random, string provinceCode, Gender gender, DateOnly dateOfBirth)
    {
        var centuryAndSex = (dateOfBirth.Year >= 2000 ? 2 : 0) + (gender == Gender.Female ? 1 : 0);
        return $"{provinceCode}{centuryAndSex}{dateOfBirth.Year % 100:00}{random.Next(0, 1_000_000):000000}";
    }

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Family(Random random) => Weighted(random, FamilyNames, FamilyTotal);

    private static string Weighted(Random random, (string Name, int Weight)[] items, int total)
    {
        var roll = random.Next(total);
        foreach (var (name, weight) in items)
        {
            roll -= weight;
            if (roll < 0)
            {
                return name;
            }
        }

        return items[^1].Name;
    }
}
