using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Trygg.ActionPlans;
using Trygg.CitizenReports;
using Trygg.Collaboration;
using Trygg.FieldReports;
using Trygg.FollowUp;
using Trygg.Indicators;
using Trygg.Problems;
using Trygg.SituationReports;

namespace Trygg.Security;

/// <summary>
/// The last line against personal data in free text: every save of the database checks the free-text fields named in
/// <see cref="Fields"/> with <see cref="PersonalData"/> and refuses the whole save when one holds an identity number, an
/// e-mail address or a phone number. Forms and importers check first and say so per field (<see cref="PersonalData.Refuse"/>);
/// this guard makes sure a path that forgot cannot store it. A test fails when a new long text column is neither listed here
/// nor in <see cref="NotFreeText"/> with the reason.
/// </summary>
public sealed class PersonalDataGuard : SaveChangesInterceptor
{
    public static readonly PersonalDataGuard Instance = new();

    /// <summary>The fields people write in, per entity.</summary>
    public static readonly IReadOnlyDictionary<Type, string[]> Fields = new Dictionary<Type, string[]>
    {
        [typeof(Problem)] = [nameof(Problem.Title), nameof(Problem.Description)],
        [typeof(RootCauseAnalysis)] =
        [
            nameof(RootCauseAnalysis.Offender), nameof(RootCauseAnalysis.Target), nameof(RootCauseAnalysis.Place), nameof(RootCauseAnalysis.Handler),
            nameof(RootCauseAnalysis.Guardian), nameof(RootCauseAnalysis.Manager), nameof(RootCauseAnalysis.Missing),
        ],
        [typeof(Cause)] = [nameof(Cause.Text), nameof(Cause.Evidence)],
        [typeof(Goal)] = [nameof(Goal.Text)],
        [typeof(GoalValue)] = [nameof(GoalValue.Comment)],
        [typeof(ActionPlan)] = [nameof(ActionPlan.Title)],
        [typeof(Measure)] =
        [
            nameof(Measure.Title), nameof(Measure.Description), nameof(Measure.Partners), nameof(Measure.TargetGroup),
            nameof(Measure.ExpectedShortTerm), nameof(Measure.ExpectedLongTerm),
        ],
        [typeof(MeasureUpdate)] = [nameof(MeasureUpdate.Comment)],
        [typeof(EffectEvaluation)] = [nameof(EffectEvaluation.Comment)],
        [typeof(SituationReport)] = [nameof(SituationReport.Title)],
        [typeof(SituationReportSection)] = [nameof(SituationReportSection.Text)],
        [typeof(CollaborationGroup)] = [nameof(CollaborationGroup.Mandate)],
        [typeof(Meeting)] = [nameof(Meeting.Agenda), nameof(Meeting.Notes)],
        [typeof(Decision)] = [nameof(Decision.Text)],
        [typeof(WorkTask)] = [nameof(WorkTask.Title), nameof(WorkTask.Comment)],
        [typeof(Agreement)] = [nameof(Agreement.Text), nameof(Agreement.FollowUp)],
        [typeof(AgreementGoal)] = [nameof(AgreementGoal.Goal)],
        [typeof(SafetyInvestment)] = [nameof(SafetyInvestment.Title), nameof(SafetyInvestment.GenderAssessment)],
        [typeof(SeriousTalkCount)] = [nameof(SeriousTalkCount.Comment)],
        [typeof(CitizenReport)] = [nameof(CitizenReport.Description), nameof(CitizenReport.StatusNote)],
        [typeof(ReportEvent)] = [nameof(ReportEvent.Note)],
        [typeof(FieldReport)] = [nameof(FieldReport.Place), nameof(FieldReport.Description), nameof(FieldReport.Feedback)],
        [typeof(WeeklyAction)] = [nameof(WeeklyAction.Place), nameof(WeeklyAction.Action), nameof(WeeklyAction.FollowUp)],
        [typeof(SafetyWalk)] = [nameof(SafetyWalk.Title), nameof(SafetyWalk.ResidentGroups)],
        [typeof(WalkPoint)] = [nameof(WalkPoint.Comment)],
        [typeof(Indicator)] = [nameof(Indicator.Definition)],
    };

    /// <summary>Long text columns that are not free text about people, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotFreeText = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Identity"] = "ASP.NET Core Identity's own tables: accounts of staff, not text about residents",
        ["TryggUser"] = "staff accounts: their name is how the work is signed",
        ["ApiKey.Name"] = "the name of a system that calls the API",
        ["Json"] = "structured copies of checked fields (frozen versions, figures, attributes)",
        ["Mapping"] = "how a file's columns map to fields",
        ["Codes"] = "lists of area codes",
        ["Ids"] = "lists of ids",
        ["Query"] = "incident filters",
        ["Geometry"] = "area boundaries",
        ["Url"] = "an address",
        ["Link"] = "an address",
        ["Perspectives"] = "codes of the perspectives",
        ["AuditEntry"] = "the audit log copies what was saved, after this guard",
        ["Incident"] = "the police's own published text, or text checked where it came in (files, residents, field reports)",
        ["ImportRejection.Reason"] = "Trygg's own message; it names what was refused, never the value",
        ["ReportService"] = "the municipality's own catalogue of services",
        ["AnswerTemplate.Text"] = "the municipality's own answers; they may give its switchboard number",
        ["FocusArea"] = "reference data of the trygghetsprogram",
        ["PriorityArea"] = "reference data of the collaboration agreement",
        ["Responsibility.Text"] = "reference data of the trygghetsprogram",
        ["Agreement.Signatories"] = "the officials who signed an agreement, as the agreement names them",
        ["RootCauseAnalysis.Participants"] = "the staff who took part in the analysis",
        ["CitizenReport.AddressString"] = "a street address the resident gave as the place; never a person's",
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified) || !Fields.TryGetValue(entry.Metadata.ClrType, out var fields))
            {
                continue;
            }

            foreach (var field in fields)
            {
                var property = entry.Property(field);
                if ((entry.State == EntityState.Added || property.IsModified) && PersonalData.Find(property.CurrentValue as string) is { } found)
                {
                    throw new PersonalDataException($"{entry.Metadata.ClrType.Name}.{field} innehåller {found}. Sådana uppgifter får inte lagras i Trygg; ingenting sparades.");
                }
            }
        }
    }
}
