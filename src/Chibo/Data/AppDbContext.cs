using Chibo.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Data;

/// <summary>
/// The one model of Chibo. Each database provider gets a thin subclass only so that each keeps its own
/// migrations set (docs/decisions/0002-two-databases-one-model.md); code depends on this type.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<ChiboUser>(options), IDataProtectionKeyContext
{
    /// <summary>Cookie and antiforgery keys live in the database, so every instance can read every cookie.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PartyMembership> Memberships => Set<PartyMembership>();
    public DbSet<MembershipTransfer> MembershipTransfers => Set<MembershipTransfer>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<StudentTerm> StudentTerms => Set<StudentTerm>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CaseRecord> Cases => Set<CaseRecord>();
    public DbSet<CaseStepRecord> CaseSteps => Set<CaseStepRecord>();
    public DbSet<CaseStageSpan> CaseStageSpans => Set<CaseStageSpan>();
    public DbSet<CaseAppraisalRecord> CaseAppraisals => Set<CaseAppraisalRecord>();
    public DbSet<CaseDocument> CaseDocuments => Set<CaseDocument>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<CorrectionRequest> CorrectionRequests => Set<CorrectionRequest>();
    public DbSet<CaseComment> CaseComments => Set<CaseComment>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingGuest> MeetingGuests => Set<MeetingGuest>();
    public DbSet<MeetingAttendance> MeetingAttendance => Set<MeetingAttendance>();
    public DbSet<MeetingAgendaItem> MeetingAgendaItems => Set<MeetingAgendaItem>();
    public DbSet<MeetingSpeech> MeetingSpeeches => Set<MeetingSpeech>();
    public DbSet<MeetingVote> MeetingVotes => Set<MeetingVote>();
    public DbSet<MeetingTask> MeetingTasks => Set<MeetingTask>();
    public DbSet<MeetingCorrection> MeetingCorrections => Set<MeetingCorrection>();
    public DbSet<MeetingTaskFollowUp> MeetingTaskFollowUps => Set<MeetingTaskFollowUp>();
    public DbSet<MeetingScore> MeetingScores => Set<MeetingScore>();
    public DbSet<MeetingScoreLine> MeetingScoreLines => Set<MeetingScoreLine>();
    public DbSet<ScoreSheet> ScoreSheets => Set<ScoreSheet>();
    public DbSet<PartyAttachment> PartyAttachments => Set<PartyAttachment>();
    public DbSet<TrainingClass> TrainingClasses => Set<TrainingClass>();
    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();
    public DbSet<TrainingEnrolment> TrainingEnrolments => Set<TrainingEnrolment>();
    public DbSet<TrainingAttendance> TrainingAttendance => Set<TrainingAttendance>();

    public DbSet<NumberCounter> NumberCounters => Set<NumberCounter>();

    public DbSet<IssuedDocument> IssuedDocuments => Set<IssuedDocument>();
    public DbSet<NewsArticle> NewsArticles => Set<NewsArticle>();
    public DbSet<NewsSlug> NewsSlugs => Set<NewsSlug>();
    public DbSet<NewsPhoto> NewsPhotos => Set<NewsPhoto>();
    public DbSet<NewsRevision> NewsRevisions => Set<NewsRevision>();
    public DbSet<PartnerUnit> PartnerUnits => Set<PartnerUnit>();
    public DbSet<AdmissionTarget> AdmissionTargets => Set<AdmissionTarget>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<InspectionRecord> Inspections => Set<InspectionRecord>();
    public DbSet<InspectionTask> InspectionTasks => Set<InspectionTask>();
    public DbSet<SetupState> SetupStates => Set<SetupState>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<PendingUpload> PendingUploads => Set<PendingUpload>();
    public DbSet<ChangeCounter> ChangeCounters => Set<ChangeCounter>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as strings: readable in the database and safe when members are added or reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// The version a client read is the original value; the update only matches a row still at that
    /// version, so a concurrent edit fails with <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
