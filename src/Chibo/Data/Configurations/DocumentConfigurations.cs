using Chibo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chibo.Data.Configurations;

internal sealed class NumberCounterConfiguration : IEntityTypeConfiguration<NumberCounter>
{
    public void Configure(EntityTypeBuilder<NumberCounter> e)
    {
        e.Property(c => c.Symbol).HasMaxLength(10);
        e.HasIndex(c => new { c.OrganisationId, c.Symbol, c.Year }).IsUnique();
        e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> e)
    {
        e.Property(d => d.Symbol).HasMaxLength(10);
        e.Property(d => d.Number).HasMaxLength(60);
        e.Property(d => d.FormCode).HasMaxLength(20);
        e.Property(d => d.Title).HasMaxLength(300);
        e.Property(d => d.IssuedBy).HasMaxLength(256);
        // The register's own guarantee: one number per body, type and year, whatever the counter says.
        e.HasIndex(d => new { d.OrganisationId, d.Symbol, d.Year, d.Sequence }).IsUnique();
        e.HasIndex(d => new { d.CaseId, d.FormCode });
        e.HasIndex(d => d.MeetingId);
        e.HasOne(d => d.Organisation).WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CaseRecord>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}
