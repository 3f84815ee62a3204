using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Trygg.CitizenReports;
using Trygg.Geography;
using Trygg.Incidents;
using Trygg.Indicators;
using Trygg.Ingestion;
using Trygg.Security;

namespace Trygg.Audit;

/// <summary>
/// What the audit log records. Everything in the model is recorded unless named here, so a new entity is audited without anyone
/// remembering it; what is named here is data rather than a change of the work (incidents, observations, areas — the import that
/// brought them is recorded instead) or a history of its own.
/// </summary>
public static class AuditRules
{
    /// <summary>Shown instead of a value that must not leave its table: passwords, keys, secrets, a resident's contact details, photos.</summary>
    public const string Hidden = "[dold]";

    /// <summary>Never recorded one by one: imported or loaded data, counters, and the log itself.</summary>
    private static readonly FrozenSet<Type> NotRecorded = new[]
    {
        typeof(AuditEntry),
        typeof(Incident),
        typeof(IndicatorObservation),
        typeof(AreaOverlap),
        typeof(Area),
        typeof(AreaMembership),
        typeof(Data.DataVersion),
        typeof(ImportRejection),
        typeof(ReportEvent),
    }.ToFrozenSet();

    /// <summary>A resident files these; only what staff do to them afterwards (moderation, removal) is recorded.</summary>
    private static readonly FrozenSet<Type> FiledByResidents = new[] { typeof(CitizenReport), typeof(ReportContact), typeof(Photo) }.ToFrozenSet();

    /// <summary>Recorded as <see cref="Hidden"/>: that they changed is worth knowing, their value is not.</summary>
    private static readonly FrozenSet<(Type, string)> HiddenProperties = new[]
    {
        (typeof(TryggUser), nameof(TryggUser.PasswordHash)),
        (typeof(TryggUser), nameof(TryggUser.SecurityStamp)),
        (typeof(ApiKey), nameof(ApiKey.Hash)),
        (typeof(IdentityUserToken<string>), nameof(IdentityUserToken<string>.Value)),
        (typeof(CitizenReport), nameof(CitizenReport.Token)),
        (typeof(CitizenReport), nameof(CitizenReport.FollowKey)),
        (typeof(ReportContact), nameof(ReportContact.FirstName)),
        (typeof(ReportContact), nameof(ReportContact.LastName)),
        (typeof(ReportContact), nameof(ReportContact.Email)),
        (typeof(ReportContact), nameof(ReportContact.Phone)),
        (typeof(ReportContact), nameof(ReportContact.DeviceId)),
        (typeof(ReportContact), nameof(ReportContact.AccountId)),
    }.ToFrozenSet();

    /// <summary>Left out altogether: Identity's bookkeeping, which changes with every save and says nothing to an auditor.</summary>
    private static readonly FrozenSet<string> Bookkeeping = new[] { "ConcurrencyStamp", "NormalizedUserName", "NormalizedEmail", "NormalizedName" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether changes to entities of this type go into the log at all: one set lookup, so a save of 80,000 incidents stays cheap.</summary>
    public static bool IsRecorded(Type entity) => !NotRecorded.Contains(entity);

    /// <summary>Whether a new entity of this (recorded) type is logged; a resident's new report is not.</summary>
    public static bool RecordsCreation(Type entity) => !FiledByResidents.Contains(entity);

    public static bool IsHidden(Type entity, string property, Type propertyType) =>
        propertyType == typeof(byte[]) || HiddenProperties.Contains((entity, property));

    public static bool IsLeftOut(string property) => Bookkeeping.Contains(property);
}
