using Chibo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chibo.Data.Configurations;

internal sealed class PendingUploadConfiguration : IEntityTypeConfiguration<PendingUpload>
{
    public void Configure(EntityTypeBuilder<PendingUpload> e)
    {
        e.HasKey(u => u.Token);
        e.Property(u => u.Token).HasMaxLength(32);
        e.Property(u => u.UserId).HasMaxLength(450);
        e.HasIndex(u => u.UploadedAt);
    }
}

internal sealed class ChangeCounterConfiguration : IEntityTypeConfiguration<ChangeCounter>
{
    public void Configure(EntityTypeBuilder<ChangeCounter> e)
    {
        e.HasKey(c => c.Name);
        e.Property(c => c.Name).HasMaxLength(50);
    }
}
