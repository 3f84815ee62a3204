using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Trygg.Collaboration;
using Trygg.Geography;
using Trygg.Incidents;
using Trygg.Ingestion;
using Trygg.Security;

namespace Trygg.Data;

/// <summary>
/// The one model of Trygg. Each database provider has its own subclass so that it can carry its own migration set
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>); code everywhere else injects this type.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<TryggUser>(options)
{
    public DbSet<Area> Areas => Set<Area>();

    public DbSet<AreaMembership> AreaMemberships => Set<AreaMembership>();

    public DbSet<PlaceAlias> PlaceAliases => Set<PlaceAlias>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<PriorityArea> PriorityAreas => Set<PriorityArea>();

    public DbSet<FocusArea> FocusAreas => Set<FocusArea>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<IncidentCategory> Categories => Set<IncidentCategory>();

    public DbSet<TypeCategory> TypeCategories => Set<TypeCategory>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    public DbSet<DataVersion> DataVersions => Set<DataVersion>();

    public DbSet<Ingestion.Files.ImportMapping> ImportMappings => Set<Ingestion.Files.ImportMapping>();

    public DbSet<SituationReports.SituationReport> SituationReports => Set<SituationReports.SituationReport>();

    public DbSet<SituationReports.SituationReportSection> SituationReportSections => Set<SituationReports.SituationReportSection>();

    public DbSet<SituationReports.SituationReportVersion> SituationReportVersions => Set<SituationReports.SituationReportVersion>();

    public DbSet<Problems.Problem> Problems => Set<Problems.Problem>();

    public DbSet<Problems.Cause> Causes => Set<Problems.Cause>();

    public DbSet<Problems.Goal> Goals => Set<Problems.Goal>();

    public DbSet<ActionPlans.ActionPlan> ActionPlans => Set<ActionPlans.ActionPlan>();

    public DbSet<ActionPlans.Measure> Measures => Set<ActionPlans.Measure>();

    public DbSet<FollowUp.MeasureUpdate> MeasureUpdates => Set<FollowUp.MeasureUpdate>();

    public DbSet<ActionPlans.ActionPlanVersion> ActionPlanVersions => Set<ActionPlans.ActionPlanVersion>();

    public DbSet<Problems.GoalValue> GoalValues => Set<Problems.GoalValue>();

    public DbSet<FollowUp.EffectEvaluation> EffectEvaluations => Set<FollowUp.EffectEvaluation>();

    public DbSet<Responsibility> Responsibilities => Set<Responsibility>();

    public DbSet<CollaborationGroup> Groups => Set<CollaborationGroup>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<WorkTask> Tasks => Set<WorkTask>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<SteeringDocument> SteeringDocuments => Set<SteeringDocument>();

    public DbSet<SafetyInvestment> SafetyInvestments => Set<SafetyInvestment>();

    public DbSet<SeriousTalkCount> SeriousTalks => Set<SeriousTalkCount>();

    public DbSet<CitizenReports.CitizenReport> CitizenReports => Set<CitizenReports.CitizenReport>();

    public DbSet<CitizenReports.ReportEvent> ReportEvents => Set<CitizenReports.ReportEvent>();

    public DbSet<CitizenReports.ReportContact> ReportContacts => Set<CitizenReports.ReportContact>();

    public DbSet<CitizenReports.Photo> Photos => Set<CitizenReports.Photo>();

    public DbSet<CitizenReports.ReportService> ReportServices => Set<CitizenReports.ReportService>();

    public DbSet<CitizenReports.AnswerTemplate> AnswerTemplates => Set<CitizenReports.AnswerTemplate>();

    public DbSet<FieldReports.FieldReport> FieldReports => Set<FieldReports.FieldReport>();

    public DbSet<FieldReports.WeeklyAction> WeeklyActions => Set<FieldReports.WeeklyAction>();

    public DbSet<FieldReports.SafetyWalk> SafetyWalks => Set<FieldReports.SafetyWalk>();

    public DbSet<FieldReports.WalkPoint> WalkPoints => Set<FieldReports.WalkPoint>();

    public DbSet<Indicators.Indicator> Indicators => Set<Indicators.Indicator>();

    public DbSet<Indicators.IndicatorObservation> IndicatorObservations => Set<Indicators.IndicatorObservation>();

    public DbSet<Indicators.AreaOverlap> AreaOverlaps => Set<Indicators.AreaOverlap>();

    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    /// <summary>Every save, whichever provider and host, passes the personal-data guard.</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(Security.PersonalDataGuard.Instance);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Area>(area =>
        {
            area.HasIndex(a => a.Code).IsUnique();
            area.Property(a => a.Code).HasMaxLength(64);
            area.Property(a => a.Name).HasMaxLength(200);
            area.Property(a => a.Level).HasConversion<string>().HasMaxLength(32);
            area.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AreaMembership>(membership =>
        {
            membership.HasKey(m => new { m.ContainerId, m.MemberId });
            membership.HasOne(m => m.Container).WithMany().HasForeignKey(m => m.ContainerId);
            membership.HasOne(m => m.Member).WithMany().HasForeignKey(m => m.MemberId);
        });

        builder.Entity<PlaceAlias>(alias =>
        {
            alias.HasIndex(a => new { a.Name, a.AreaId }).IsUnique();
            alias.Property(a => a.Name).HasMaxLength(200);
            alias.Property(a => a.Kind).HasMaxLength(32);
            alias.HasOne(a => a.Area).WithMany().HasForeignKey(a => a.AreaId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Incident>(incident =>
        {
            incident.HasIndex(i => new { i.Source, i.ExternalId }).IsUnique();
            incident.HasIndex(i => i.OccurredAt);
            incident.HasIndex(i => new { i.Source, i.Type });
            incident.Property(i => i.Source).HasMaxLength(64);
            incident.Property(i => i.ExternalId).HasMaxLength(128);
            incident.Property(i => i.Type).HasMaxLength(128);
            incident.Property(i => i.Category).HasMaxLength(64);
            incident.Property(i => i.Accuracy).HasConversion<string>().HasMaxLength(32);
            incident.HasOne(i => i.Area).WithMany().HasForeignKey(i => i.AreaId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<Organisation>(organisation =>
        {
            organisation.HasIndex(o => o.Name).IsUnique();
            organisation.Property(o => o.Name).HasMaxLength(200);
            organisation.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
            organisation.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
            organisation.HasOne(o => o.Area).WithMany().HasForeignKey(o => o.AreaId).OnDelete(DeleteBehavior.SetNull);
            organisation.Property(o => o.CoordinatorName).HasMaxLength(200);
            organisation.Property(o => o.CoordinatorRole).HasMaxLength(200);
            organisation.Property(o => o.CoordinatorEmail).HasMaxLength(256);
            organisation.HasMany(o => o.Responsibilities).WithOne().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Responsibility>(responsibility =>
        {
            responsibility.HasIndex(r => new { r.OrganisationId, r.FocusAreaNumber }).IsUnique();
            responsibility.Property(r => r.Text).HasMaxLength(1000);
        });

        builder.Entity<CollaborationGroup>(group =>
        {
            group.Property(g => g.Name).HasMaxLength(300);
            group.Property(g => g.Kind).HasConversion<string>().HasMaxLength(16);
            group.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
            group.HasMany(g => g.Links).WithOne().HasForeignKey(l => l.GroupId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<GroupMember>(member =>
        {
            member.Property(m => m.Role).HasMaxLength(200);
            member.Property(m => m.PersonName).HasMaxLength(200);
            member.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<GroupLink>(link =>
        {
            link.HasOne<Problems.Problem>().WithMany().HasForeignKey(l => l.ProblemId).OnDelete(DeleteBehavior.Cascade);
            link.HasOne<ActionPlans.Measure>().WithMany().HasForeignKey(l => l.MeasureId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Meeting>(meeting =>
        {
            meeting.HasOne<CollaborationGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
            meeting.HasMany(m => m.Decisions).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Decision>(decision =>
        {
            decision.HasOne<ActionPlans.Measure>().WithMany().HasForeignKey(d => d.MeasureId).OnDelete(DeleteBehavior.SetNull);
            decision.HasMany(d => d.Tasks).WithOne().HasForeignKey(t => t.DecisionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WorkTask>(task =>
        {
            task.Property(t => t.Title).HasMaxLength(300);
            task.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OwnerOrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Agreement>(agreement =>
        {
            agreement.Property(a => a.Title).HasMaxLength(300);
            agreement.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
            agreement.Property(a => a.Signatories).HasMaxLength(1000);
            agreement.HasMany(a => a.Parties).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
            agreement.HasMany(a => a.Goals).WithOne().HasForeignKey(g => g.AgreementId).OnDelete(DeleteBehavior.Cascade);
            agreement.HasMany(a => a.Measures).WithOne().HasForeignKey(m => m.AgreementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AgreementParty>(party =>
        {
            party.HasKey(p => new { p.AgreementId, p.OrganisationId });
            party.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AgreementMeasure>(link =>
        {
            link.HasKey(l => new { l.AgreementId, l.MeasureId });
            link.HasOne<ActionPlans.Measure>().WithMany().HasForeignKey(l => l.MeasureId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SteeringDocument>(document =>
        {
            document.Property(d => d.Title).HasMaxLength(300);
            document.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
            document.Property(d => d.Link).HasMaxLength(1000);
            document.Property(d => d.ActionPlanIds).HasMaxLength(500);
            document.Property(d => d.AgreementIds).HasMaxLength(500);
            document.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OwnerOrganisationId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<SafetyInvestment>(investment =>
        {
            investment.Property(i => i.Title).HasMaxLength(300);
            investment.Property(i => i.Category).HasConversion<string>().HasMaxLength(32);
            investment.Property(i => i.AreaCode).HasMaxLength(64);
            investment.Property(i => i.CostSek).HasPrecision(14, 2);
            investment.HasOne<Organisation>().WithMany().HasForeignKey(i => i.ResponsibleOrganisationId).OnDelete(DeleteBehavior.SetNull);
            investment.HasOne<ActionPlans.Measure>().WithMany().HasForeignKey(i => i.MeasureId).OnDelete(DeleteBehavior.SetNull);
            investment.HasOne<FollowUp.EffectEvaluation>().WithMany().HasForeignKey(i => i.EffectEvaluationId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<CitizenReports.CitizenReport>(report =>
        {
            report.HasIndex(r => r.Token).IsUnique();
            report.HasIndex(r => r.FollowKey).IsUnique();
            report.HasIndex(r => new { r.ServiceCode, r.Status });
            report.HasIndex(r => r.RequestedAt);
            report.HasIndex(r => r.UpdatedAt);
            report.Property(r => r.ServiceCode).HasMaxLength(64);
            report.Property(r => r.Status).HasConversion<string>().HasMaxLength(24);
            report.Property(r => r.Moderation).HasConversion<string>().HasMaxLength(16);
            report.Property(r => r.StatusNote).HasMaxLength(4000);
            report.Property(r => r.ResponsibleElsewhere).HasMaxLength(300);
            report.Property(r => r.AddressString).HasMaxLength(500);
            report.Property(r => r.AreaCode).HasMaxLength(64);
            report.Property(r => r.Description).HasMaxLength(4000);
            report.Property(r => r.MediaUrl).HasMaxLength(1000);
            report.Property(r => r.FollowKey).HasMaxLength(64);
            report.Property(r => r.Token).HasMaxLength(64);
            report.Property(r => r.Revision).IsConcurrencyToken();
            report.HasOne<Organisation>().WithMany().HasForeignKey(r => r.AssignedOrganisationId).OnDelete(DeleteBehavior.SetNull);
            report.HasOne<CitizenReports.CitizenReport>().WithMany().HasForeignKey(r => r.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
            report.HasOne<CitizenReports.Photo>().WithMany().HasForeignKey(r => r.PhotoId).OnDelete(DeleteBehavior.SetNull);
            report.HasOne<ApiKey>().WithMany().HasForeignKey(r => r.ApiKeyId).OnDelete(DeleteBehavior.SetNull);
            report.HasOne<Incident>().WithMany().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.SetNull);
            report.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CitizenReports.ReportEvent>(e =>
        {
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Note).HasMaxLength(4000);
            e.Property(x => x.By).HasMaxLength(256);
        });

        builder.Entity<CitizenReports.ReportContact>(contact =>
        {
            contact.HasKey(c => c.ReportId);
            contact.Property(c => c.FirstName).HasMaxLength(200);
            contact.Property(c => c.LastName).HasMaxLength(200);
            contact.Property(c => c.Email).HasMaxLength(256);
            contact.Property(c => c.Phone).HasMaxLength(64);
            contact.Property(c => c.DeviceId).HasMaxLength(200);
            contact.Property(c => c.AccountId).HasMaxLength(200);
            contact.HasOne<CitizenReports.CitizenReport>().WithOne().HasForeignKey<CitizenReports.ReportContact>(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CitizenReports.Photo>(photo => photo.Property(p => p.ContentType).HasMaxLength(64));

        builder.Entity<CitizenReports.ReportService>(service =>
        {
            service.HasIndex(s => s.Code).IsUnique();
            service.Property(s => s.Code).HasMaxLength(64);
            service.Property(s => s.Name).HasMaxLength(200);
            service.Property(s => s.NameEnglish).HasMaxLength(200);
            service.Property(s => s.Group).HasMaxLength(200);
            service.Property(s => s.Keywords).HasMaxLength(500);
            service.Property(s => s.IncidentCategory).HasMaxLength(64);
            service.Property(s => s.Masking).HasConversion<string>().HasMaxLength(16);
            service.HasOne<Organisation>().WithMany().HasForeignKey(s => s.ResponsibleOrganisationId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<CitizenReports.AnswerTemplate>(template =>
        {
            template.Property(t => t.Title).HasMaxLength(200);
            template.Property(t => t.Status).HasConversion<string>().HasMaxLength(24);
        });

        builder.Entity<FieldReports.FieldReport>(report =>
        {
            report.HasIndex(r => r.OccurredAt);
            report.Property(r => r.ReporterUserName).HasMaxLength(256);
            report.Property(r => r.AreaCode).HasMaxLength(64);
            report.Property(r => r.Place).HasMaxLength(300);
            report.Property(r => r.Category).HasMaxLength(64);
            report.Property(r => r.AffectedGroups).HasMaxLength(300);
            report.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.SetNull);
            report.HasOne<Incident>().WithMany().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<FieldReports.WeeklyAction>(action =>
        {
            action.HasIndex(a => new { a.AreaCode, a.Week });
            action.Property(a => a.AreaCode).HasMaxLength(64);
            action.Property(a => a.Week).HasMaxLength(8);
            action.Property(a => a.Place).HasMaxLength(300);
            action.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            action.Property(a => a.FieldReportIds).HasMaxLength(1000);
            action.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OwnerOrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<FieldReports.SafetyWalk>(walk =>
        {
            walk.Property(w => w.Title).HasMaxLength(300);
            walk.Property(w => w.AreaCode).HasMaxLength(64);
            walk.Property(w => w.OrganisationIds).HasMaxLength(500);
            walk.Property(w => w.ResidentGroups).HasMaxLength(1000);
            walk.Property(w => w.CreatedBy).HasMaxLength(256);
            walk.HasMany(w => w.Points).WithOne().HasForeignKey(p => p.WalkId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Indicators.Indicator>(indicator =>
        {
            indicator.HasIndex(i => i.Code).IsUnique();
            indicator.Property(i => i.Code).HasMaxLength(100);
            indicator.Property(i => i.Name).HasMaxLength(300);
            indicator.Property(i => i.Unit).HasMaxLength(100);
            indicator.Property(i => i.Source).HasMaxLength(200);
            indicator.Property(i => i.Type).HasConversion<string>().HasMaxLength(16);
            indicator.Property(i => i.Dimensions).HasMaxLength(100);
            indicator.HasMany(i => i.Observations).WithOne().HasForeignKey(o => o.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Indicators.IndicatorObservation>(observation =>
        {
            observation.HasIndex(o => new { o.IndicatorId, o.AreaCode, o.Period, o.Sex, o.AgeBand, o.Group }).IsUnique();
            observation.Property(o => o.AreaCode).HasMaxLength(64);
            observation.Property(o => o.Period).HasMaxLength(16);
            observation.Property(o => o.Sex).HasMaxLength(16);
            observation.Property(o => o.AgeBand).HasMaxLength(16);
            observation.Property(o => o.Group).HasMaxLength(100);
            observation.HasOne<Ingestion.ImportRun>().WithMany().HasForeignKey(o => o.ImportRunId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<Indicators.AreaOverlap>(overlap =>
        {
            overlap.HasKey(o => new { o.FromCode, o.ToCode });
            overlap.Property(o => o.FromCode).HasMaxLength(64);
            overlap.Property(o => o.ToCode).HasMaxLength(64);
        });

        builder.Entity<Audit.AuditEntry>(entry =>
        {
            entry.HasIndex(e => e.At);
            entry.HasIndex(e => new { e.Entity, e.EntityKey });
            entry.Property(e => e.UserName).HasMaxLength(256);
            entry.Property(e => e.From).HasMaxLength(64);
            entry.Property(e => e.Action).HasMaxLength(16);
            entry.Property(e => e.Entity).HasMaxLength(100);
            entry.Property(e => e.EntityKey).HasMaxLength(100);
        });

        builder.Entity<FieldReports.WalkPoint>(point =>
        {
            point.Property(p => p.Problem).HasConversion<string>().HasMaxLength(16);
            point.Property(p => p.AreaCode).HasMaxLength(64);
            point.Property(p => p.Comment).HasMaxLength(2000);
            point.HasOne<CitizenReports.Photo>().WithMany().HasForeignKey(p => p.PhotoId).OnDelete(DeleteBehavior.SetNull);
            point.HasOne<ActionPlans.Measure>().WithMany().HasForeignKey(p => p.MeasureId).OnDelete(DeleteBehavior.SetNull);
            point.HasOne<CitizenReports.CitizenReport>().WithMany().HasForeignKey(p => p.CitizenReportId).OnDelete(DeleteBehavior.SetNull);
            point.HasOne<Incident>().WithMany().HasForeignKey(p => p.IncidentId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<SeriousTalkCount>(count =>
        {
            count.HasIndex(c => new { c.OrganisationId, c.Month }).IsUnique();
            count.Property(c => c.ReportedBy).HasMaxLength(256);
            count.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<IncidentCategory>(category =>
        {
            category.HasIndex(c => c.Code).IsUnique();
            category.Property(c => c.Code).HasMaxLength(64);
            category.Property(c => c.Name).HasMaxLength(100);
        });

        builder.Entity<TypeCategory>(mapping =>
        {
            mapping.HasIndex(m => new { m.Source, m.Type }).IsUnique();
            mapping.Property(m => m.Source).HasMaxLength(64);
            mapping.Property(m => m.Type).HasMaxLength(128);
            mapping.Property(m => m.CategoryCode).HasMaxLength(64);
        });

        builder.Entity<ImportRun>(run =>
        {
            run.HasIndex(r => r.StartedAt);
            run.Property(r => r.Source).HasMaxLength(64);
            run.Property(r => r.Kind).HasMaxLength(16);
            run.Property(r => r.FileName).HasMaxLength(260);
            run.Property(r => r.UserName).HasMaxLength(256);
            run.HasMany(r => r.Rejections).WithOne().HasForeignKey(r => r.ImportRunId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Ingestion.Files.ImportMapping>(mapping =>
        {
            mapping.HasIndex(m => m.Name).IsUnique();
            mapping.Property(m => m.Name).HasMaxLength(100);
        });

        builder.Entity<DataVersion>(version =>
        {
            version.HasKey(v => v.Name);
            version.Property(v => v.Name).HasMaxLength(64);
        });

        builder.Entity<PriorityArea>().HasIndex(p => p.Number).IsUnique();
        builder.Entity<FocusArea>().HasIndex(f => f.Number).IsUnique();

        builder.Entity<ApiKey>(key =>
        {
            key.HasIndex(k => k.Hash).IsUnique();
            key.Property(k => k.Hash).HasMaxLength(64);
            key.Property(k => k.Prefix).HasMaxLength(32);
            key.Property(k => k.Role).HasMaxLength(64);
        });

        builder.Entity<SituationReports.SituationReport>(report =>
        {
            report.Property(r => r.Title).HasMaxLength(300);
            report.Property(r => r.ReferenceAreaCodes).HasMaxLength(1000);
            report.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            report.Property(r => r.Committee).HasMaxLength(200);
            report.Property(r => r.DiaryNumber).HasMaxLength(100);
            report.Property(r => r.CreatedBy).HasMaxLength(256);
            report.Property(r => r.AreaCodes).HasMaxLength(2000);
            report.Property(r => r.AreaName).HasMaxLength(300);
            report.HasMany(r => r.Sections).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
            report.Ignore(r => r.ReferenceAreas);
            report.Ignore(r => r.Areas);
        });

        builder.Entity<SituationReports.SituationReportSection>(section =>
        {
            section.HasIndex(s => new { s.ReportId, s.Key }).IsUnique();
            section.Property(s => s.Key).HasMaxLength(64);
            section.Property(s => s.Title).HasMaxLength(200);
            section.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
            section.Property(s => s.EditedBy).HasMaxLength(256);
            section.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<SituationReports.SituationReportVersion>(version =>
        {
            version.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
            version.Property(v => v.Committee).HasMaxLength(200);
            version.Property(v => v.DiaryNumber).HasMaxLength(100);
            version.Property(v => v.FrozenBy).HasMaxLength(256);
            version.HasOne<SituationReports.SituationReport>().WithMany().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Problems.Problem>(problem =>
        {
            problem.Property(p => p.Title).HasMaxLength(300);
            problem.Property(p => p.AreaCodes).HasMaxLength(2000);
            problem.Property(p => p.PriorityAreas).HasMaxLength(100);
            problem.Property(p => p.FocusAreas).HasMaxLength(100);
            problem.Property(p => p.Perspectives).HasMaxLength(500);
            problem.Property(p => p.CreatedBy).HasMaxLength(256);
            problem.Property(p => p.Revision).IsConcurrencyToken();
            problem.HasOne<SituationReports.SituationReport>().WithMany().HasForeignKey(p => p.SituationReportId).OnDelete(DeleteBehavior.SetNull);
            problem.HasOne(p => p.Analysis).WithOne().HasForeignKey<Problems.RootCauseAnalysis>(a => a.ProblemId).OnDelete(DeleteBehavior.Cascade);
            problem.HasMany(p => p.Causes).WithOne().HasForeignKey(c => c.ProblemId).OnDelete(DeleteBehavior.Cascade);
            problem.HasMany(p => p.Goals).WithOne().HasForeignKey(g => g.ProblemId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Problems.Cause>(cause =>
        {
            cause.Property(c => c.Side).HasConversion<string>().HasMaxLength(16);
            cause.Property(c => c.Level).HasConversion<string>().HasMaxLength(16);
            cause.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
            cause.Property(c => c.EvidenceKind).HasConversion<string>().HasMaxLength(16);
            cause.Property(c => c.Certainty).HasConversion<string>().HasMaxLength(16);
            cause.HasOne<Problems.Cause>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Problems.Goal>(goal =>
        {
            goal.Property(g => g.IndicatorKind).HasConversion<string>().HasMaxLength(16);
            goal.Property(g => g.IndicatorQuery).HasMaxLength(1000);
            goal.Property(g => g.ReportedBy).HasMaxLength(200);
            goal.HasMany(g => g.Values).WithOne().HasForeignKey(v => v.GoalId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Problems.RootCauseAnalysis>().Property(a => a.Revision).IsConcurrencyToken();

        builder.Entity<Problems.GoalValue>(value =>
        {
            value.HasIndex(v => new { v.GoalId, v.Tertial }).IsUnique();
            value.Property(v => v.Tertial).HasMaxLength(8);
            value.Property(v => v.ReportedBy).HasMaxLength(256);
        });

        builder.Entity<ActionPlans.ActionPlanVersion>(version =>
        {
            version.HasIndex(v => new { v.ActionPlanId, v.Number }).IsUnique();
            version.Property(v => v.Committee).HasMaxLength(200);
            version.Property(v => v.DiaryNumber).HasMaxLength(100);
            version.Property(v => v.FrozenBy).HasMaxLength(256);
            version.HasOne<ActionPlans.ActionPlan>().WithMany().HasForeignKey(v => v.ActionPlanId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<FollowUp.EffectEvaluation>(evaluation =>
        {
            evaluation.Property(e => e.IncidentQuery).HasMaxLength(1000);
            evaluation.Property(e => e.TreatedAreaCodes).HasMaxLength(2000);
            evaluation.Property(e => e.BufferAreaCodes).HasMaxLength(2000);
            evaluation.Property(e => e.ControlAreaCodes).HasMaxLength(2000);
            evaluation.Property(e => e.CreatedBy).HasMaxLength(256);
            evaluation.HasOne<ActionPlans.Measure>().WithMany().HasForeignKey(e => e.MeasureId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ActionPlans.ActionPlan>(plan =>
        {
            plan.Property(p => p.Title).HasMaxLength(300);
            plan.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            plan.Property(p => p.Committee).HasMaxLength(200);
            plan.Property(p => p.DiaryNumber).HasMaxLength(100);
            plan.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OwnerOrganisationId).OnDelete(DeleteBehavior.SetNull);
            plan.HasMany(p => p.Problems).WithOne().HasForeignKey(p => p.ActionPlanId).OnDelete(DeleteBehavior.Cascade);
            plan.HasMany(p => p.Measures).WithOne().HasForeignKey(m => m.ActionPlanId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ActionPlans.ActionPlanProblem>(link =>
        {
            link.HasKey(l => new { l.ActionPlanId, l.ProblemId });
            link.HasOne<Problems.Problem>().WithMany().HasForeignKey(l => l.ProblemId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ActionPlans.Measure>(measure =>
        {
            measure.Property(m => m.Title).HasMaxLength(300);
            measure.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
            measure.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
            measure.Property(m => m.AreaCodes).HasMaxLength(2000);
            measure.Property(m => m.GoalIds).HasMaxLength(500);
            measure.Property(m => m.Perspectives).HasMaxLength(500);
            measure.Property(m => m.BudgetSek).HasPrecision(14, 2);
            measure.Property(m => m.Revision).IsConcurrencyToken();
            measure.HasOne<Organisation>().WithMany().HasForeignKey(m => m.ResponsibleOrganisationId).OnDelete(DeleteBehavior.SetNull);
            measure.HasMany(m => m.Causes).WithOne().HasForeignKey(c => c.MeasureId).OnDelete(DeleteBehavior.Cascade);
            measure.HasMany(m => m.Updates).WithOne().HasForeignKey(u => u.MeasureId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ActionPlans.MeasureCause>(link =>
        {
            link.HasKey(l => new { l.MeasureId, l.CauseId });
            link.HasOne<Problems.Cause>().WithMany().HasForeignKey(l => l.CauseId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<FollowUp.MeasureUpdate>(update =>
        {
            update.HasIndex(u => new { u.MeasureId, u.Tertial }).IsUnique();
            update.Property(u => u.Tertial).HasMaxLength(8);
            update.Property(u => u.Status).HasConversion<string>().HasMaxLength(16);
            update.Property(u => u.ReportedBy).HasMaxLength(256);
        });

        builder.Entity<TryggUser>().HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}
