using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Common;
using Chibo.Features.Portal;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.News;

/// <summary>What an editor types: the body is sanitised before anything is stored.</summary>
public sealed record ArticleInput(string? Title, string? Summary, string? BodyHtml, NewsCategory Category, bool Featured);

/// <summary>
/// The editing desk: drafts, photos, submission, and the approver's publish, schedule, send back and withdraw.
/// Every change is one transaction with its revision; a stale version is a conflict, never a silent overwrite;
/// a change that touches what the public sees evicts the portal's cached pages.
/// </summary>
public sealed class ArticleDesk(AppDbContext db, CurrentUser me, TimeProvider clock, PortalCache cache)
{
    public const string NotFound = "ARTICLE-NOT-FOUND";
    public const string Conflict = "ARTICLE-CONFLICT";
    public const string Forbidden = "ARTICLE-FORBIDDEN";

    public async Task<Result<NewsArticle>> CreateAsync(Guid organisationId, ArticleInput input, Guid? meetingId = null, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null || !NewsAccess.CanWrite(me, organisation))
        {
            return Result.Failure<NewsArticle>(new Error(Forbidden, "Bạn không có quyền viết tin cho đơn vị này."));
        }

        var now = Now();
        var article = new NewsArticle
        {
            OrganisationId = organisationId,
            Title = "",
            Slug = "",
            BodyHtml = "",
            SearchKey = "",
            MeetingId = meetingId,
            CreatedBy = me.DisplayName,
            CreatedAt = now,
            Status = ArticleStatus.Draft,
        };
        if (await ApplyInputAsync(article, input, cancellationToken) is { } invalid)
        {
            return Result.Failure<NewsArticle>(invalid);
        }

        db.NewsArticles.Add(article);
        AddRevision(article, "Tạo bản nháp", null, 1);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(article);
    }

    public Task<Result<NewsArticle>> SaveAsync(Guid id, int version, ArticleInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, "Lưu", approverOnly: false, article => ApplyInputAsync(article, input, cancellationToken), cancellationToken);

    public Task<Result<NewsArticle>> SubmitAsync(Guid id, int version, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, "Gửi duyệt", approverOnly: false, article =>
        {
            if (article.Status is not (ArticleStatus.Draft or ArticleStatus.Returned or ArticleStatus.Withdrawn))
            {
                return new Error("ARTICLE-NOT-DRAFT", "Chỉ gửi duyệt được bản nháp hoặc bài bị trả lại.");
            }

            article.Status = ArticleStatus.Submitted;
            return null;
        }, cancellationToken);

    /// <summary>Publishes now, or at <paramref name="at"/> (UTC) when that is later: the portal shows it from then on.</summary>
    public Task<Result<NewsArticle>> PublishAsync(Guid id, int version, DateTime? at, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, at is { } when && when > Now() ? "Hẹn giờ đăng" : "Đăng", approverOnly: true, article =>
        {
            if (article.BodyHtml.Length == 0)
            {
                return new Error("ARTICLE-EMPTY", "Bài chưa có nội dung.");
            }

            var now = Now();
            article.Status = ArticleStatus.Published;
            article.PublishAt = at is { } scheduled && scheduled > now ? scheduled : now;
            article.ReviewComment = null;
            return null;
        }, cancellationToken);

    public Task<Result<NewsArticle>> ReturnAsync(Guid id, int version, string? comment, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, "Trả lại", approverOnly: true, article =>
        {
            if (string.IsNullOrWhiteSpace(comment))
            {
                return new Error("ARTICLE-COMMENT", "Ghi nhận xét để người viết biết cần sửa gì.");
            }

            if (article.Status == ArticleStatus.Published)
            {
                return new Error("ARTICLE-PUBLISHED", "Bài đã đăng: hãy gỡ bài trước khi trả lại.");
            }

            article.Status = ArticleStatus.Returned;
            article.ReviewComment = comment.Trim();
            return null;
        }, cancellationToken, comment);

    public Task<Result<NewsArticle>> WithdrawAsync(Guid id, int version, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, "Gỡ bài", approverOnly: true, article =>
        {
            if (article.Status != ArticleStatus.Published)
            {
                return new Error("ARTICLE-NOT-PUBLISHED", "Bài chưa đăng.");
            }

            article.Status = ArticleStatus.Withdrawn;
            return null;
        }, cancellationToken);

    public Task<Result<NewsArticle>> AddPhotoAsync(Guid id, int version, byte[] content, string? caption, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, "Thêm ảnh", approverOnly: false, article =>
        {
            if (string.IsNullOrWhiteSpace(caption))
            {
                return new Error("PHOTO-CAPTION", "Ghi chú thích cho ảnh.");
            }

            var processed = PhotoProcessor.Process(content, Now(), me.DisplayName);
            if (!processed.IsSuccess)
            {
                return processed.Errors[0];
            }

            var (photo, thumbnail, width, height) = processed.Value;
            db.StoredFiles.AddRange(photo, thumbnail);
            db.NewsPhotos.Add(new NewsPhoto
            {
                ArticleId = article.Id,
                Order = article.Photos.Count == 0 ? 1 : article.Photos.Max(p => p.Order) + 1,
                Caption = caption.Trim(),
                FileId = photo.Id,
                ThumbnailFileId = thumbnail.Id,
                Width = width,
                Height = height,
            });
            return null;
        }, cancellationToken, caption);

    public Task<Result<NewsArticle>> RemovePhotoAsync(Guid id, int version, Guid photoId, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, "Bỏ ảnh", approverOnly: false, article =>
        {
            if (article.Photos.SingleOrDefault(p => p.Id == photoId) is not { } photo)
            {
                return new Error("PHOTO-MISSING", "Không tìm thấy ảnh này trong bài.");
            }

            db.NewsPhotos.Remove(photo);
            return null;
        }, cancellationToken);

    private Task<Result<NewsArticle>> ChangeAsync(Guid id, int version, string action, bool approverOnly, Func<NewsArticle, Error?> change, CancellationToken cancellationToken, string? comment = null) =>
        ChangeAsync(id, version, action, approverOnly, article => Task.FromResult(change(article)), cancellationToken, comment);

    private async Task<Result<NewsArticle>> ChangeAsync(Guid id, int version, string action, bool approverOnly, Func<NewsArticle, Task<Error?>> change, CancellationToken cancellationToken, string? comment = null)
    {
        var article = await db.NewsArticles.Include(a => a.Organisation).Include(a => a.Photos)
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null || !NewsAccess.CanWrite(me, article.Organisation!))
        {
            return Result.Failure<NewsArticle>(new Error(NotFound, "Không tìm thấy bài viết."));
        }

        if (approverOnly && !NewsAccess.CanApprove(me, article.Organisation!))
        {
            return Result.Failure<NewsArticle>(new Error(Forbidden, "Chỉ bí thư, chi ủy viên của đơn vị hoặc cấp ủy cấp trên được duyệt bài."));
        }

        var wasPublic = article.Status == ArticleStatus.Published;
        // What is public changes only by an approver's hand.
        if (wasPublic && !NewsAccess.CanApprove(me, article.Organisation!))
        {
            return Result.Failure<NewsArticle>(new Error(Forbidden, "Bài đã đăng: chỉ người duyệt sửa được. Hãy đề nghị người duyệt gỡ bài hoặc sửa giúp."));
        }

        if (await change(article) is { } refused)
        {
            return Result.Failure<NewsArticle>(refused);
        }

        // The version the editor read: a save after someone else's is refused, not merged.
        db.Entry(article).Property(a => a.Version).OriginalValue = version;
        db.Entry(article).Property(a => a.Version).IsModified = true;
        article.UpdatedAt = Now();
        var revisions = await db.NewsRevisions.CountAsync(r => r.ArticleId == id, cancellationToken);
        AddRevision(article, action, comment, revisions + 1);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result.Failure<NewsArticle>(new Error(Conflict, "Bài viết vừa được người khác thay đổi. Tải lại trang để xem bản mới rồi làm lại."));
        }

        if (wasPublic || article.Status == ArticleStatus.Published)
        {
            await cache.EvictAsync(db, cancellationToken);
        }

        return Result.Success(article);
    }

    private async Task<Error?> ApplyInputAsync(NewsArticle article, ArticleInput input, CancellationToken cancellationToken)
    {
        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > 300)
        {
            return new Error("ARTICLE-TITLE", "Nhập tiêu đề (tối đa 300 ký tự).");
        }

        var summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim();
        if (summary?.Length > 1000)
        {
            return new Error("ARTICLE-SUMMARY", "Tóm tắt tối đa 1.000 ký tự.");
        }

        var body = ArticleHtml.Sanitize(input.BodyHtml);
        if (body.Length > 200_000)
        {
            return new Error("ARTICLE-BODY", "Nội dung quá dài (tối đa 200.000 ký tự).");
        }

        article.Title = title;
        article.Summary = summary;
        article.BodyHtml = body;
        article.Category = input.Category;
        article.Featured = input.Featured;
        article.SearchKey = SearchText.Fold($"{title} {summary} {ArticleHtml.PlainText(body)}");
        await AssignSlugAsync(article, cancellationToken);
        return null;
    }

    /// <summary>
    /// A new title gives a new address; every earlier address stays the article's own and redirects to the
    /// current one, so links already shared keep working.
    /// </summary>
    private async Task AssignSlugAsync(NewsArticle article, CancellationToken cancellationToken)
    {
        var wanted = Slugs.From(article.Title);
        if (wanted == article.Slug)
        {
            return;
        }

        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? wanted : $"{wanted}-{n}";
            var owner = await db.NewsSlugs.Where(s => s.Slug == candidate).Select(s => (Guid?)s.ArticleId).SingleOrDefaultAsync(cancellationToken);
            if (owner is null)
            {
                db.NewsSlugs.Add(new NewsSlug { Slug = candidate, ArticleId = article.Id });
            }
            else if (owner != article.Id)
            {
                continue;
            }

            article.Slug = candidate;
            return;
        }
    }

    private void AddRevision(NewsArticle article, string action, string? comment, int number) =>
        db.NewsRevisions.Add(new NewsRevision
        {
            ArticleId = article.Id,
            Number = number,
            Action = action,
            Status = article.Status,
            Title = article.Title,
            Summary = article.Summary,
            BodyHtml = article.BodyHtml,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            By = me.DisplayName,
            At = Now(),
        });

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
