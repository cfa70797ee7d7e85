using Chibo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chibo.Data.Configurations;

internal sealed class SetupStateConfiguration : IEntityTypeConfiguration<SetupState>
{
    public void Configure(EntityTypeBuilder<SetupState> e)
    {
        e.Property(s => s.RulebookId).HasMaxLength(40);
        e.Property(s => s.Version).IsConcurrencyToken();
        // Removing the cell in settings undoes the setup's choice of it, not the setup's progress.
        e.HasOne(s => s.Cell).WithMany().HasForeignKey(s => s.CellId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(s => s.School).WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> e)
    {
        e.Property(i => i.TokenHash).HasMaxLength(64);
        e.Property(i => i.CodeHash).HasMaxLength(64);
        e.Property(i => i.DisplayName).HasMaxLength(200);
        e.Property(i => i.InvitedByUserId).HasMaxLength(450);
        e.Property(i => i.UsedByUserId).HasMaxLength(450);
        e.Property(i => i.Version).IsConcurrencyToken();
        e.HasIndex(i => i.TokenHash).IsUnique();
        e.HasIndex(i => i.CodeHash).IsUnique();
        e.HasOne(i => i.Organisation).WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
