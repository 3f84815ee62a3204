using System.Security.Claims;
using Trygg.Collaboration;
using Trygg.Security;
using Trygg.Web.Security;

namespace Trygg.Web.CitizenReports;

/// <summary>
/// Who moderates which residents' reports. Samordnare and Administratör moderate all; staff of an organisation (Medarbetare)
/// moderate the reports assigned to their organisation, to one directly under it, or to the one above it that they act for
/// (<see cref="OrganisationRules.ActsFor"/>). The same people see the resident's contact details. Checked on every page and post.
/// </summary>
public static class ModerationAccess
{
    /// <summary>The roles that may open the moderation pages at all, for [Authorize(Roles = …)].</summary>
    public const string Roles = Trygg.Security.Roles.Administrator + "," + Trygg.Security.Roles.Coordinator + "," + Trygg.Security.Roles.Staff;

    public static bool SeesAll(ClaimsPrincipal user) => user.IsInRole(Trygg.Security.Roles.Administrator) || user.IsInRole(Trygg.Security.Roles.Coordinator);

    /// <summary>The organisations whose reports the person moderates; null for all of them.</summary>
    public static IReadOnlyList<int>? Organisations(ClaimsPrincipal user, IReadOnlyList<Organisation> organisations)
    {
        if (SeesAll(user))
        {
            return null;
        }

        var own = user.IsInRole(Trygg.Security.Roles.Staff) ? TryggClaimsPrincipalFactory.OrganisationOf(user) : null;
        return organisations
            .Where(o => OrganisationRules.ActsFor(own, o.Id, organisations) || (own is not null && OrganisationRules.ActsFor(o.Id, own, organisations)))
            .Select(o => o.Id).ToList();
    }

    public static bool MayModerate(ClaimsPrincipal user, int? assignedOrganisationId, IReadOnlyList<Organisation> organisations) =>
        Organisations(user, organisations) is not { } visible || (assignedOrganisationId is { } assigned && visible.Contains(assigned));
}
