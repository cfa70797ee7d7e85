using System.Globalization;
using Chibo.Data.Entities;

namespace Chibo.Features.People;

/// <summary>How the people pages write values for a Vietnamese reader.</summary>
public static class PeopleText
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string Of(Gender gender) => gender switch
    {
        Gender.Male => "Nam",
        Gender.Female => "Nữ",
    };

    public static string Of(LearningRank rank) => rank switch
    {
        LearningRank.Excellent => "Xuất sắc",
        LearningRank.VeryGood => "Giỏi",
        LearningRank.Good => "Khá",
        LearningRank.Average => "Trung bình",
        LearningRank.Weak => "Yếu",
    };

    /// <summary>The wording of the Youth Union's yearly member rating.</summary>
    public static string Of(UnionRating? rating) => rating switch
    {
        UnionRating.Outstanding => "Hoàn thành xuất sắc nhiệm vụ",
        UnionRating.Good => "Hoàn thành tốt nhiệm vụ",
        UnionRating.Completed => "Hoàn thành nhiệm vụ",
        UnionRating.NotCompleted => "Không hoàn thành nhiệm vụ",
        null => "",
    };

    /// <summary>"2023–2024" for the school year that starts in 2023.</summary>
    public static string SchoolYear(int firstYear) => $"{firstYear}–{firstYear + 1}";

    public static string Number(decimal value) => value.ToString("0.00", Vietnamese);

    /// <summary>
    /// Keeps the first and last three characters ("001******538"): enough to tell two people apart on a
    /// list, not enough to use the number.
    /// </summary>
    public static string MaskNationalId(string? nationalId)
    {
        if (string.IsNullOrEmpty(nationalId))
        {
            return "";
        }

        if (nationalId.Length <= 6)
        {
            return new string('*', nationalId.Length);
        }

        return string.Concat(nationalId.AsSpan(0, 3), new string('*', nationalId.Length - 6), nationalId.AsSpan(nationalId.Length - 3));
    }
}
