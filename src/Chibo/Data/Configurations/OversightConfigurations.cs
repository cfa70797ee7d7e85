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

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.Property(n => n.Key).HasMaxLength(200);
        e.Property(n => n.Subject).HasMaxLength(300);
        e.Property(n => n.Body).HasMaxLength(2000);
        e.Property(n => n.Link).HasMaxLength(300);
        e.Property(n => n.Version).IsConcurrencyToken();
        // Once per recipient, step and threshold: a second run, or a second instance, cannot add it again.
        e.HasIndex(n => new { n.RecipientPersonId, n.Key }).IsUnique();
        e.HasIndex(n => new { n.RecipientPersonId, n.ReadAt });
        e.HasIndex(n => n.EmailedAt);
        e.HasOne<Person>().WithMany().HasForeignKey(n => n.RecipientPersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspectionRecordConfiguration : IEntityTypeConfiguration<InspectionRecord>
{
    public void Configure(EntityTypeBuilder<InspectionRecord> e)
    {
        e.Property(i => i.Inspectors).HasMaxLength(500);
        e.Property(i => i.Findings).HasMaxLength(4000);
        e.Property(i => i.CreatedBy).HasMaxLength(256);
        e.Property(i => i.Version).IsConcurrencyToken();
        e.HasIndex(i => new { i.OrganisationId, i.InspectedOn });
        e.HasOne(i => i.Organisation).WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(i => i.Corrections).WithOne(t => t.Inspection).HasForeignKey(t => t.InspectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspectionTaskConfiguration : IEntityTypeConfiguration<InspectionTask>
{
    public void Configure(EntityTypeBuilder<InspectionTask> e)
    {
        e.Property(t => t.Description).HasMaxLength(1000);
        e.Property(t => t.ClosedNote).HasMaxLength(1000);
        e.Property(t => t.Version).IsConcurrencyToken();
        e.HasIndex(t => new { t.OwnerPersonId, t.ClosedOn });
        e.HasOne(t => t.OwnerPerson).WithMany().HasForeignKey(t => t.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseStageSpanConfiguration : IEntityTypeConfiguration<CaseStageSpan>
{
    public void Configure(EntityTypeBuilder<CaseStageSpan> e)
    {
        e.HasKey(s => new { s.CaseId, s.Stage });
        // The dashboards count the stages entered, and the days of those left, in a period: a cell's by its id, a
        // large subtree's by the period's range; each index holds every column its count reads.
        e.HasIndex(s => new { s.Entered, s.Stage, s.CellId });
        e.HasIndex(s => new { s.Left, s.Stage, s.Days, s.CellId });
        e.HasIndex(s => new { s.CellId, s.Entered, s.Stage });
        e.HasIndex(s => new { s.CellId, s.Left, s.Stage, s.Days });
        e.HasOne<CaseRecord>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseAppraisalRecordConfiguration : IEntityTypeConfiguration<CaseAppraisalRecord>
{
    public void Configure(EntityTypeBuilder<CaseAppraisalRecord> e)
    {
        e.ToTable("CaseAppraisals");
        e.HasKey(a => a.CaseId);
        e.Property(a => a.Rules).HasMaxLength(1000);
        e.HasIndex(a => a.AppraisedOn);
        e.HasOne<CaseRecord>().WithOne().HasForeignKey<CaseAppraisalRecord>(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
