using Chibo.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chibo.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.Property(m => m.Topic).HasMaxLength(500);
        e.Property(m => m.Place).HasMaxLength(300);
        e.Property(m => m.Number).HasMaxLength(60);
        e.Property(m => m.SignedBy).HasMaxLength(256);
        e.Property(m => m.CreatedBy).HasMaxLength(256);
        e.Property(m => m.Version).IsConcurrencyToken();
        e.HasIndex(m => new { m.OrganisationId, m.Date });
        e.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(m => m.Chair).WithMany().HasForeignKey(m => m.ChairPersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(m => m.Secretary).WithMany().HasForeignKey(m => m.SecretaryPersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(m => m.Guests).WithOne().HasForeignKey(g => g.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(m => m.Tasks).WithOne().HasForeignKey(t => t.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(m => m.Corrections).WithOne().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(m => m.Score).WithOne().HasForeignKey<MeetingScore>(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingGuestConfiguration : IEntityTypeConfiguration<MeetingGuest>
{
    public void Configure(EntityTypeBuilder<MeetingGuest> e)
    {
        e.Property(g => g.Name).HasMaxLength(200);
        e.Property(g => g.Title).HasMaxLength(300);
        e.Property(g => g.OrganisationName).HasMaxLength(300);
        e.HasOne<Person>().WithMany().HasForeignKey(g => g.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> e)
    {
        e.ToTable("MeetingAttendance");
        e.Property(a => a.Reason).HasMaxLength(300);
        e.HasIndex(a => new { a.MeetingId, a.PersonId }).IsUnique();
        e.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingAgendaItemConfiguration : IEntityTypeConfiguration<MeetingAgendaItem>
{
    public void Configure(EntityTypeBuilder<MeetingAgendaItem> e)
    {
        e.Property(a => a.Title).HasMaxLength(500);
        e.Property(a => a.Conclusion).HasMaxLength(8000);
        e.HasMany(a => a.Speeches).WithOne().HasForeignKey(s => s.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(a => a.Votes).WithOne().HasForeignKey(v => v.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingSpeechConfiguration : IEntityTypeConfiguration<MeetingSpeech>
{
    public void Configure(EntityTypeBuilder<MeetingSpeech> e)
    {
        e.Property(s => s.Speaker).HasMaxLength(200);
        e.Property(s => s.SpeakerTitle).HasMaxLength(300);
        e.Property(s => s.Summary).HasMaxLength(8000);
        e.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingVoteConfiguration : IEntityTypeConfiguration<MeetingVote>
{
    public void Configure(EntityTypeBuilder<MeetingVote> e)
    {
        e.Property(v => v.Question).HasMaxLength(500);
        e.Property(v => v.RecordedBy).HasMaxLength(256);
        e.HasIndex(v => v.CaseId);
        e.HasOne<CaseRecord>().WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CaseStepRecord>().WithMany().HasForeignKey(v => v.CaseStepId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingTaskConfiguration : IEntityTypeConfiguration<MeetingTask>
{
    public void Configure(EntityTypeBuilder<MeetingTask> e)
    {
        e.Property(t => t.Description).HasMaxLength(2000);
        e.Property(t => t.Owner).HasMaxLength(300);
        e.Property(t => t.DoneWhen).HasMaxLength(1000);
        e.Property(t => t.ClosedNote).HasMaxLength(1000);
        e.Property(t => t.Version).IsConcurrencyToken();
        e.HasIndex(t => new { t.OwnerPersonId, t.ClosedOn });
        e.HasMany(t => t.FollowUps).WithOne().HasForeignKey(f => f.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(t => t.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<MeetingAgendaItem>().WithMany().HasForeignKey(t => t.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingCorrectionConfiguration : IEntityTypeConfiguration<MeetingCorrection>
{
    public void Configure(EntityTypeBuilder<MeetingCorrection> e)
    {
        e.Property(c => c.What).HasMaxLength(2000);
        e.Property(c => c.Reason).HasMaxLength(1000);
        e.Property(c => c.By).HasMaxLength(256);
    }
}

internal sealed class MeetingTaskFollowUpConfiguration : IEntityTypeConfiguration<MeetingTaskFollowUp>
{
    public void Configure(EntityTypeBuilder<MeetingTaskFollowUp> e)
    {
        e.Property(f => f.By).HasMaxLength(256);
        e.Property(f => f.Note).HasMaxLength(1000);
        e.HasIndex(f => f.TaskId);
    }
}

internal sealed class MeetingScoreConfiguration : IEntityTypeConfiguration<MeetingScore>
{
    public void Configure(EntityTypeBuilder<MeetingScore> e)
    {
        e.Property(s => s.SheetName).HasMaxLength(300);
        e.Property(s => s.Band).HasMaxLength(100);
        e.Property(s => s.Comment).HasMaxLength(2000);
        e.Property(s => s.ScoredBy).HasMaxLength(256);
        e.HasIndex(s => s.MeetingId).IsUnique();
        e.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.ScoreId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingScoreLineConfiguration : IEntityTypeConfiguration<MeetingScoreLine>
{
    public void Configure(EntityTypeBuilder<MeetingScoreLine> e) => e.Property(l => l.Criterion).HasMaxLength(500);
}

internal sealed class ScoreSheetConfiguration : IEntityTypeConfiguration<ScoreSheet>
{
    public void Configure(EntityTypeBuilder<ScoreSheet> e)
    {
        e.Property(s => s.Name).HasMaxLength(300);
        e.Property(s => s.ContentJson).HasMaxLength(20000);
        e.Property(s => s.UpdatedBy).HasMaxLength(256);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.HasIndex(s => s.OrganisationId).IsUnique();
        e.HasOne(s => s.Organisation).WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PartyAttachmentConfiguration : IEntityTypeConfiguration<PartyAttachment>
{
    public void Configure(EntityTypeBuilder<PartyAttachment> e)
    {
        e.Property(a => a.HomeCellName).HasMaxLength(300);
        e.Property(a => a.Reason).HasMaxLength(500);
        e.Property(a => a.Version).IsConcurrencyToken();
        e.HasIndex(a => new { a.HostCellId, a.From });
        e.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(a => a.HostCell).WithMany().HasForeignKey(a => a.HostCellId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(a => a.HomeCellId).OnDelete(DeleteBehavior.Restrict);
    }
}
