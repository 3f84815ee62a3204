using System.Security.Claims;

namespace Trygg.Web.Security;

/// <summary>
/// Who may make one kind of request, as the access matrix states it: anyone (residents, anonymous), anyone signed in, only some
/// roles, or nobody (a page without forms takes no posts).
/// </summary>
public sealed class Who
{
    private Who(string name, bool anonymous, IReadOnlyList<string>? roles)
    {
        Name = name;
        Anonymous = anonymous;
        Roles = roles;
    }

    public static Who Anyone { get; } = new("alla, även anonyma", anonymous: true, roles: null);

    public static Who SignedIn { get; } = new("alla inloggade", anonymous: false, roles: null);

    public static Who Nobody { get; } = new("ingen", anonymous: false, roles: []);

    /// <summary>Whether a person who has not signed in gets in.</summary>
    public bool Anonymous { get; }

    /// <summary>The roles let in; null when every signed-in person is.</summary>
    public IReadOnlyList<string>? Roles { get; }

    public string Name { get; }

    public static Who Only(params IReadOnlyList<string> roles) => new(string.Join(", ", roles), anonymous: false, roles: roles);

    public bool Allows(ClaimsPrincipal user) =>
        Anonymous || (user.Identity?.IsAuthenticated == true && (Roles is null || Roles.Any(user.IsInRole)));

    public override string ToString() => Name;
}
