using System.Security.Claims;
using Trygg.Security;

namespace Trygg.Web.FieldReports;

/// <summary>
/// Who does what with field reports and safety walks. The pages render a form only for those who may use it and check again when
/// it is posted, since a post can be made without the page.
/// </summary>
public static class FieldAccess
{
    /// <summary>Who files EST field reports: the trained reporters, and the coordinators who run EST.</summary>
    public const string Reporters = $"{Roles.Reporter},{Roles.Coordinator},{Roles.Administrator}";

    /// <summary>Who sees the "Fältrapporter" link: reporters (to their own reports) and the work readers (to the weekly situation).</summary>
    public const string NavRoles = $"{Roles.Reporter},{Roles.Administrator},{Roles.Coordinator},{Roles.Analyst},{Roles.Staff},{Roles.Reader}";

    /// <summary>Who sits in the weekly meeting and picks and follows up actions, and who plans walks and marks their points.</summary>
    public static readonly IReadOnlyList<string> Meeting = [Roles.Administrator, Roles.Coordinator, Roles.Staff];

    /// <summary>Who turns a walk's point into a measure of a plan or an assigned report.</summary>
    public static readonly IReadOnlyList<string> Converters = Roles.Adopters;

    public static bool IsIn(this ClaimsPrincipal user, IReadOnlyList<string> roles) => roles.Any(user.IsInRole);
}
