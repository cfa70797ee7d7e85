using Chibo.Data.Entities;

namespace Chibo.Features.Shared;

/// <summary>Vietnamese names of stored values.</summary>
public static class Labels
{
    public static string Of(LearningRank rank) => rank switch
    {
        LearningRank.Excellent => "Xuất sắc",
        LearningRank.VeryGood => "Giỏi",
        LearningRank.Good => "Khá",
        LearningRank.Average => "Trung bình",
        LearningRank.Weak => "Yếu",
    };

    public static string Of(UnionRating rating) => rating switch
    {
        UnionRating.Outstanding => "Xuất sắc",
        UnionRating.Good => "Hoàn thành tốt nhiệm vụ",
        UnionRating.Completed => "Hoàn thành nhiệm vụ",
        UnionRating.NotCompleted => "Không hoàn thành nhiệm vụ",
    };

    public static string Of(Gender gender) => gender == Gender.Female ? "Nữ" : "Nam";
}
