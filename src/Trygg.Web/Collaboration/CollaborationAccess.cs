using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Trygg.Web.Security;

namespace Trygg.Web.Collaboration;

/// <summary>
/// Who may change samverkan's records (<see cref="SecurityServices.ManageCollaborationPolicy"/>). The pages render their forms only
/// then, and check again when a form is posted, since a post can be made without the page.
/// </summary>
public static class CollaborationAccess
{
    public static async Task<bool> MayManageAsync(this IAuthorizationService authorization, Task<AuthenticationState> authentication) =>
        (await authorization.AuthorizeAsync((await authentication).User, SecurityServices.ManageCollaborationPolicy)).Succeeded;
}
