using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Trygg.Security;

/// <summary>Adding and listing people's accounts: the same rules for the CLI and the admin page.</summary>
public sealed class UserAccounts(UserManager<TryggUser> users, TimeProvider time)
{
    /// <summary>
    /// Creates an account with a generated one-time password (returned once) unless <paramref name="password"/> is given;
    /// <paramref name="organisationId"/> is the organisation the person works for (a partner edits its own sections).
    /// </summary>
    public async Task<AddUserResult> AddAsync(string email, string role, string? password = null, int? organisationId = null)
    {
        var canonicalRole = Roles.Find(role);
        if (canonicalRole is null)
        {
            return new AddUserResult(null, [$"Okänd roll '{role}'. Välj en av: {string.Join(", ", Roles.All)}."]);
        }

        var name = email.Trim();
        var user = new TryggUser { UserName = name, Email = name, DisplayName = name, MustChangePassword = password is null, OrganisationId = organisationId };
        var chosen = password ?? PasswordGenerator.Generate();
        var created = await users.CreateAsync(user, chosen);
        if (!created.Succeeded)
        {
            return new AddUserResult(null, created.Errors.Select(e => e.Description).ToList());
        }

        var added = await users.AddToRoleAsync(user, canonicalRole);
        return added.Succeeded
            ? new AddUserResult(chosen, [])
            : new AddUserResult(null, added.Errors.Select(e => e.Description).ToList());
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync()
    {
        var now = time.GetUtcNow();
        var all = await users.Users.OrderBy(u => u.UserName).ToListAsync();
        var summaries = new List<UserSummary>(all.Count);
        foreach (var user in all)
        {
            summaries.Add(new UserSummary(
                user.UserName ?? "",
                (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList(),
                user.LockoutEnd is { } end && end > now,
                user.MustChangePassword));
        }

        return summaries;
    }
}

public sealed record AddUserResult(string? Password, IReadOnlyList<string> Errors);

public sealed record UserSummary(string UserName, IReadOnlyList<string> Roles, bool LockedOut, bool MustChangePassword);
