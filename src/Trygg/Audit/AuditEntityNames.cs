namespace Trygg.Audit;

/// <summary>The Swedish names of what the log records, so that the page speaks the glossary's words instead of class names.</summary>
public static class AuditEntityNames
{
    /// <summary>The entry that stands for a whole seed batch (see <see cref="AuditInterceptor.SummariseAsync{T}"/>).</summary>
    public const string Batch = "Batch";

    private static readonly Dictionary<string, string> Swedish = new(StringComparer.Ordinal)
    {
        ["SituationReport"] = "Lägesbild",
        ["SituationReportSection"] = "Avsnitt i lägesbild",
        ["SituationReportVersion"] = "Version av lägesbild",
        ["Problem"] = "Problem",
        ["RootCauseAnalysis"] = "Orsaksanalys",
        ["Cause"] = "Orsak",
        ["Goal"] = "Mål",
        ["GoalValue"] = "Målvärde",
        ["ActionPlan"] = "Åtgärdsplan",
        ["ActionPlanVersion"] = "Version av åtgärdsplan",
        ["ActionPlanProblem"] = "Problem i åtgärdsplan",
        ["Measure"] = "Åtgärd",
        ["MeasureCause"] = "Orsak som åtgärden riktar sig mot",
        ["MeasureUpdate"] = "Uppföljning av åtgärd",
        ["EffectEvaluation"] = "Effektutvärdering",
        ["Organisation"] = "Organisation",
        ["Responsibility"] = "Ansvar",
        ["CollaborationGroup"] = "Grupp",
        ["GroupMember"] = "Gruppmedlem",
        ["GroupLink"] = "Gruppens koppling",
        ["Meeting"] = "Möte",
        ["Decision"] = "Beslut",
        ["WorkTask"] = "Uppgift",
        ["Agreement"] = "Överenskommelse",
        ["AgreementParty"] = "Part i överenskommelse",
        ["AgreementGoal"] = "Mål i överenskommelse",
        ["AgreementMeasure"] = "Åtgärd i överenskommelse",
        ["SteeringDocument"] = "Styrdokument",
        ["SafetyInvestment"] = "Trygghetsinvestering",
        ["SeriousTalkCount"] = "Allvarssamtal",
        ["PriorityArea"] = "Prioriterat samverkansområde",
        ["FocusArea"] = "Fokusområde",
        ["CitizenReport"] = "Medborgarrapport",
        ["ReportContact"] = "Rapportörens kontaktuppgifter",
        ["Photo"] = "Foto",
        ["ReportService"] = "Rapporttjänst",
        ["AnswerTemplate"] = "Svarsmall",
        ["FieldReport"] = "Fältrapport",
        ["WeeklyAction"] = "Veckans åtgärd",
        ["SafetyWalk"] = "Trygghetsvandring",
        ["WalkPoint"] = "Punkt på trygghetsvandring",
        ["Indicator"] = "Indikator",
        ["ImportRun"] = "Inläsning",
        ["ImportMapping"] = "Importmall",
        ["IncidentCategory"] = "Händelsekategori",
        ["TypeCategory"] = "Händelsetypens kategori",
        ["PlaceAlias"] = "Ortnamn",
        ["ApiKey"] = "API-nyckel",
        ["TryggUser"] = "Användare",
        ["IdentityRole"] = "Roll",
        ["IdentityUserRole"] = "Användarens roll",
        ["IdentityUserClaim"] = "Användarens anspråk",
        ["IdentityUserLogin"] = "Extern inloggning",
        ["IdentityUserToken"] = "Användarens token",
        ["IdentityRoleClaim"] = "Rollens anspråk",
        ["IdentityUserPasskey"] = "Användarens passkey",
        ["Batch"] = "Inläst grunddata",
    };

    /// <summary>The Swedish name of an entity type as stored in <see cref="AuditEntry.Entity"/>; the type itself when it has none.</summary>
    public static string Of(string entity) => Swedish.GetValueOrDefault(entity, entity);

    public static bool Has(string entity) => Swedish.ContainsKey(entity);
}
