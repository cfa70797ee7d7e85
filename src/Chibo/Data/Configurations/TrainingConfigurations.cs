using Chibo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chibo.Data.Configurations;

internal sealed class TrainingClassConfiguration : IEntityTypeConfiguration<TrainingClass>
{
    public void Configure(EntityTypeBuilder<TrainingClass> e)
    {
        e.Property(c => c.Name).HasMaxLength(300);
        e.Property(c => c.OrganiserName).HasMaxLength(300);
        e.Property(c => c.Place).HasMaxLength(300);
        e.Property(c => c.CreatedBy).HasMaxLength(256);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.HasIndex(c => new { c.OwnerId, c.StartsOn });
        e.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganiserId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(c => c.Sessions).WithOne().HasForeignKey(s => s.ClassId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Enrolments).WithOne().HasForeignKey(s => s.ClassId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> e) => e.Property(s => s.Topic).HasMaxLength(500);
}

internal sealed class TrainingEnrolmentConfiguration : IEntityTypeConfiguration<TrainingEnrolment>
{
    public void Configure(EntityTypeBuilder<TrainingEnrolment> e)
    {
        e.Property(x => x.Score).HasPrecision(4, 2);
        e.Property(x => x.CertificateNumber).HasMaxLength(60);
        e.HasIndex(x => new { x.ClassId, x.PersonId }).IsUnique();
        e.HasIndex(x => x.PersonId);
        e.HasIndex(x => x.CertificateNumber);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Cell).WithMany().HasForeignKey(x => x.CellId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CaseRecord>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Attendance).WithOne().HasForeignKey(a => a.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> e)
    {
        e.ToTable("TrainingAttendance");
        e.HasIndex(a => new { a.EnrolmentId, a.SessionId }).IsUnique();
        e.HasOne<TrainingSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
