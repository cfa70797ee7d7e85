using Chibo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chibo.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.Property(o => o.Name).HasMaxLength(300);
        e.Property(o => o.ShortName).HasMaxLength(100);
        e.Property(o => o.Path).HasMaxLength(1000);
        e.Property(o => o.Version).IsConcurrencyToken();
        e.HasIndex(o => o.Path);
        // The people list's unit picker: the units people belong to, in tree order, without reading past the classes
        // and branches (ten of them for each unit at national scale).
        e.HasIndex(o => o.Path, "IX_Organisations_Path_Units").HasFilter("\"Kind\" NOT IN ('SchoolClass', 'UnionBranch', 'UnionCommittee')");
        e.HasIndex(o => o.ParentId);
        // The class and union-branch filter lists (people list, exports): an index-only scan, not a table scan.
        e.HasIndex(o => new { o.Kind, o.ShortName });
        e.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> e)
    {
        e.ToTable("People");
        e.Property(p => p.FullName).HasMaxLength(200);
        e.Property(p => p.SearchName).HasMaxLength(200);
        e.Property(p => p.NationalId).HasMaxLength(20);
        e.Property(p => p.StudentCode).HasMaxLength(40);
        e.Property(p => p.Education).HasMaxLength(10);
        e.Property(p => p.AcademicTitle).HasMaxLength(20);
        e.Property(p => p.Ethnicity).HasMaxLength(50);
        e.Property(p => p.Religion).HasMaxLength(50);
        e.Property(p => p.Phone).HasMaxLength(30);
        e.Property(p => p.Email).HasMaxLength(200);
        e.Property(p => p.Hometown).HasMaxLength(300);
        e.Property(p => p.Residence).HasMaxLength(300);
        e.Property(p => p.Version).IsConcurrencyToken();
        e.HasIndex(p => p.SearchName);
        e.HasIndex(p => p.OrganisationId);
        e.HasIndex(p => p.StudentCode).IsUnique();
        e.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(p => p.UnionBranchId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(p => p.Terms).WithOne().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Positions).WithOne(p => p.Person).HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartyMembershipConfiguration : IEntityTypeConfiguration<PartyMembership>
{
    public void Configure(EntityTypeBuilder<PartyMembership> e)
    {
        e.Property(m => m.CardNumber).HasMaxLength(30);
        e.Property(m => m.Version).IsConcurrencyToken();
        e.HasIndex(m => m.PersonId);
        e.HasIndex(m => m.CellId);
        e.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(m => m.Cell).WithMany().HasForeignKey(m => m.CellId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(m => m.Transfers).WithOne().HasForeignKey(t => t.MembershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MembershipTransferConfiguration : IEntityTypeConfiguration<MembershipTransfer>
{
    public void Configure(EntityTypeBuilder<MembershipTransfer> e)
    {
        e.Property(t => t.OtherOrganisationName).HasMaxLength(300);
        e.Property(t => t.Note).HasMaxLength(1000);
    }
}

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> e)
    {
        e.Property(p => p.Title).HasMaxLength(300);
        e.HasIndex(p => p.OrganisationId);
        e.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StudentTermConfiguration : IEntityTypeConfiguration<StudentTerm>
{
    public void Configure(EntityTypeBuilder<StudentTerm> e)
    {
        e.Property(t => t.Gpa).HasPrecision(4, 2);
        e.HasIndex(t => new { t.PersonId, t.SchoolYear, t.Semester }).IsUnique();
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> e)
    {
        e.HasIndex(r => new { r.UserId, r.Role, r.OrganisationId }).IsUnique();
        e.HasOne<ChiboUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChiboUserConfiguration : IEntityTypeConfiguration<ChiboUser>
{
    public void Configure(EntityTypeBuilder<ChiboUser> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(200);
        e.HasOne<Person>().WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(a => a.Actor).HasMaxLength(256);
        e.Property(a => a.Action).HasMaxLength(20);
        e.Property(a => a.EntityType).HasMaxLength(100);
        e.Property(a => a.EntityId).HasMaxLength(100);
        e.Property(a => a.Reason).HasMaxLength(1000);
        e.HasIndex(a => new { a.EntityType, a.EntityId });
        e.HasIndex(a => a.At);
    }
}

internal sealed class CaseRecordConfiguration : IEntityTypeConfiguration<CaseRecord>
{
    public void Configure(EntityTypeBuilder<CaseRecord> e)
    {
        e.ToTable("Cases");
        e.Property(c => c.ClosedBy).HasMaxLength(256);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.HasIndex(c => new { c.CellId, c.Stage });
        // The national dashboard counts cases by stage and reads the open ones of each stage; on PostgreSQL from the index alone.
        e.HasIndex(c => c.Stage).IncludeProperties(c => new { c.Id, c.CellId });
        e.HasIndex(c => c.PersonId);
        e.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(c => c.Cell).WithMany().HasForeignKey(c => c.CellId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(c => c.Steps).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseStepRecordConfiguration : IEntityTypeConfiguration<CaseStepRecord>
{
    public void Configure(EntityTypeBuilder<CaseStepRecord> e)
    {
        e.ToTable("CaseSteps");
        e.Property(s => s.FormCode).HasMaxLength(30);
        e.Property(s => s.DocumentNumber).HasMaxLength(60);
        e.Property(s => s.Issuer).HasMaxLength(300);
        e.Property(s => s.MemberName).HasMaxLength(200);
        e.Property(s => s.Note).HasMaxLength(2000);
        e.Property(s => s.AcknowledgedWarnings).HasMaxLength(500);
        e.Property(s => s.RecordedBy).HasMaxLength(256);
        e.Property(s => s.VoidedBy).HasMaxLength(256);
        e.Property(s => s.VoidReason).HasMaxLength(1000);
        e.HasIndex(s => new { s.CaseId, s.Date });
        // Dashboards count the steps of a kind in a period (admissions this year).
        e.HasIndex(s => new { s.Kind, s.Date });
        // The dashboard's deadlines count from each open case's steps of one kind (the cell's resolution, the decision…).
        e.HasIndex(s => new { s.Kind, s.CaseId }, "IX_CaseSteps_Anchors").HasFilter("\"VoidedAt\" IS NULL")
            .IncludeProperties(s => new { s.Date, s.Received });
        e.HasOne<Person>().WithMany().HasForeignKey(s => s.MemberPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> e)
    {
        e.Property(d => d.FormCode).HasMaxLength(30);
        e.Property(d => d.CheckedBy).HasMaxLength(256);
        e.Property(d => d.FileName).HasMaxLength(260);
        e.Property(d => d.Note).HasMaxLength(1000);
        e.Property(d => d.Version).IsConcurrencyToken();
        e.HasIndex(d => new { d.CaseId, d.FormCode }).IsUnique();
        e.HasOne<CaseRecord>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<StoredFile>().WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> e)
    {
        e.Property(f => f.ContentType).HasMaxLength(100);
        e.Property(f => f.Sha256).HasMaxLength(64);
        e.Property(f => f.UploadedBy).HasMaxLength(256);
    }
}

internal sealed class CorrectionRequestConfiguration : IEntityTypeConfiguration<CorrectionRequest>
{
    public void Configure(EntityTypeBuilder<CorrectionRequest> e)
    {
        e.Property(c => c.RequestedByUserId).HasMaxLength(450);
        e.Property(c => c.Text).HasMaxLength(4000);
        e.Property(c => c.Response).HasMaxLength(4000);
        e.Property(c => c.ResolvedBy).HasMaxLength(256);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.HasIndex(c => new { c.PersonId, c.Status });
        e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseCommentConfiguration : IEntityTypeConfiguration<CaseComment>
{
    public void Configure(EntityTypeBuilder<CaseComment> e)
    {
        e.Property(c => c.AuthorUserId).HasMaxLength(450);
        e.Property(c => c.Author).HasMaxLength(256);
        e.Property(c => c.AuthorRole).HasMaxLength(100);
        e.Property(c => c.Text).HasMaxLength(4000);
        e.HasIndex(c => new { c.CaseId, c.CreatedAt });
        e.HasOne<CaseRecord>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
