using Chibo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chibo.Data.Configurations;

internal sealed class AdmissionTargetConfiguration : IEntityTypeConfiguration<AdmissionTarget>
{
    public void Configure(EntityTypeBuilder<AdmissionTarget> e)
    {
        e.Ignore(t => t.Quarters);
        e.Property(t => t.Note).HasMaxLength(500);
        e.Property(t => t.Version).IsConcurrencyToken();
        e.HasIndex(t => new { t.OrganisationId, t.Year }).IsUnique();
        e.HasOne(t => t.Organisation).WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
