using Chibo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chibo.Data.Configurations;

internal sealed class NewsArticleConfiguration : IEntityTypeConfiguration<NewsArticle>
{
    public void Configure(EntityTypeBuilder<NewsArticle> e)
    {
        e.Property(a => a.Title).HasMaxLength(300);
        e.Property(a => a.Slug).HasMaxLength(120);
        e.Property(a => a.Summary).HasMaxLength(1000);
        e.Property(a => a.ReviewComment).HasMaxLength(2000);
        e.Property(a => a.CreatedBy).HasMaxLength(256);
        e.Property(a => a.Version).IsConcurrencyToken();
        e.HasIndex(a => a.Slug).IsUnique();
        e.HasIndex(a => new { a.Status, a.PublishAt });
        e.HasIndex(a => new { a.OrganisationId, a.Status });
        e.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(a => a.Photos).WithOne().HasForeignKey(p => p.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NewsSlugConfiguration : IEntityTypeConfiguration<NewsSlug>
{
    public void Configure(EntityTypeBuilder<NewsSlug> e)
    {
        e.HasKey(s => s.Slug);
        e.Property(s => s.Slug).HasMaxLength(120);
        e.HasOne<NewsArticle>().WithMany().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NewsPhotoConfiguration : IEntityTypeConfiguration<NewsPhoto>
{
    public void Configure(EntityTypeBuilder<NewsPhoto> e)
    {
        e.Property(p => p.Caption).HasMaxLength(500);
        e.HasIndex(p => p.FileId);
        e.HasIndex(p => p.ThumbnailFileId);
        e.HasOne<StoredFile>().WithMany().HasForeignKey(p => p.FileId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StoredFile>().WithMany().HasForeignKey(p => p.ThumbnailFileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NewsRevisionConfiguration : IEntityTypeConfiguration<NewsRevision>
{
    public void Configure(EntityTypeBuilder<NewsRevision> e)
    {
        e.Property(r => r.Action).HasMaxLength(60);
        e.Property(r => r.Title).HasMaxLength(300);
        e.Property(r => r.Summary).HasMaxLength(1000);
        e.Property(r => r.Comment).HasMaxLength(2000);
        e.Property(r => r.By).HasMaxLength(256);
        e.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        e.HasOne<NewsArticle>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartnerUnitConfiguration : IEntityTypeConfiguration<PartnerUnit>
{
    public void Configure(EntityTypeBuilder<PartnerUnit> e)
    {
        e.Property(p => p.Name).HasMaxLength(300);
        e.Property(p => p.Url).HasMaxLength(500);
    }
}
