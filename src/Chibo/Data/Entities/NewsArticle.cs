namespace Chibo.Data.Entities;

/// <summary>Where an article stands on its way to the public portal.</summary>
public enum ArticleStatus
{
    /// <summary>Bản nháp: only its organisation's editors and approvers see it.</summary>
    Draft,
    /// <summary>Chờ duyệt.</summary>
    Submitted,
    /// <summary>Trả lại: the approver's comment says why.</summary>
    Returned,
    /// <summary>Đã duyệt: public from <see cref="NewsArticle.PublishAt"/> on (now, or a scheduled time).</summary>
    Published,
    /// <summary>Đã gỡ: taken off the portal.</summary>
    Withdrawn,
}

/// <summary>The portal's sections; stored as strings, so new ones never renumber old rows.</summary>
public enum NewsCategory
{
    /// <summary>Xây dựng Đảng.</summary>
    PartyBuilding,
    /// <summary>Hoạt động.</summary>
    Activities,
    /// <summary>Đoàn — Hội.</summary>
    YouthUnion,
    /// <summary>Học tập, bồi dưỡng.</summary>
    Training,
}

/// <summary>
/// A news article of an organisation for the public portal. The body is HTML sanitised on save; only a
/// published article whose time has come is ever shown to the public.
/// </summary>
public sealed class NewsArticle : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string Title { get; set; }
    /// <summary>The current address; earlier ones stay in <see cref="NewsSlug"/> and redirect here.</summary>
    public required string Slug { get; set; }
    public string? Summary { get; set; }
    public required string BodyHtml { get; set; }
    /// <summary>Title, summary and body text folded by <see cref="SearchText.Fold"/>, for search without diacritics.</summary>
    public required string SearchKey { get; set; }
    public NewsCategory Category { get; set; }
    public bool Featured { get; set; }
    public ArticleStatus Status { get; set; }
    /// <summary>When a published article becomes public (UTC); later than now means scheduled.</summary>
    public DateTime? PublishAt { get; set; }
    public string? ReviewComment { get; set; }
    /// <summary>The meeting this article was drafted from, if any.</summary>
    public Guid? MeetingId { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public ICollection<NewsPhoto> Photos { get; } = [];
}

/// <summary>Every address an article has had; the unique index keeps one address to one article for good.</summary>
public sealed class NewsSlug
{
    public required string Slug { get; set; }
    public Guid ArticleId { get; set; }
}

/// <summary>A photo of an article's gallery: the resized image and its thumbnail, both without metadata.</summary>
public sealed class NewsPhoto
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ArticleId { get; set; }
    public int Order { get; set; }
    public required string Caption { get; set; }
    public Guid FileId { get; set; }
    public Guid ThumbnailFileId { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
}

/// <summary>One saved state of an article: what it said, what happened to it, who did it.</summary>
public sealed class NewsRevision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ArticleId { get; set; }
    public int Number { get; set; }
    /// <summary>What was done, in Vietnamese ("Lưu nháp", "Gửi duyệt", "Đăng"…).</summary>
    public required string Action { get; set; }
    public ArticleStatus Status { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public required string BodyHtml { get; set; }
    public string? Comment { get; set; }
    public required string By { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A partner unit (đơn vị hợp tác) shown in the portal's band.</summary>
public sealed class PartnerUnit
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int Order { get; set; }
    public required string Name { get; set; }
    public string? Url { get; set; }
}
