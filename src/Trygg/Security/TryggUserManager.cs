using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Trygg.Security;

/// <summary>
/// Identity's user manager with the lockout on Trygg's clock. In .NET 10 UserManager reads DateTimeOffset.UtcNow for
/// lockouts (it takes no TimeProvider), so the lockout would be the one rule whose time tests and the users page
/// (<see cref="UserAccounts.ListAsync"/>) could not agree on; here both the lockout's start and its end come from <see cref="TimeProvider"/>.
/// </summary>
public sealed class TryggUserManager(
    IUserStore<TryggUser> store,
    IOptions<IdentityOptions> options,
    IPasswordHasher<TryggUser> passwordHasher,
    IEnumerable<IUserValidator<TryggUser>> userValidators,
    IEnumerable<IPasswordValidator<TryggUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<TryggUser>> logger,
    TimeProvider time)
    : UserManager<TryggUser>(store, options, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private IUserLockoutStore<TryggUser> LockoutStore => (IUserLockoutStore<TryggUser>)Store;

    public override async Task<bool> IsLockedOutAsync(TryggUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!SupportsUserLockout || !await LockoutStore.GetLockoutEnabledAsync(user, CancellationToken))
        {
            return false;
        }

        return await LockoutStore.GetLockoutEndDateAsync(user, CancellationToken) is { } end && end >= time.GetUtcNow();
    }

    /// <summary>Counts a failed sign-in; at the limit the account is locked for the configured time from now and the count starts again.</summary>
    public override async Task<IdentityResult> AccessFailedAsync(TryggUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!SupportsUserLockout)
        {
            return await base.AccessFailedAsync(user);
        }

        var failures = await LockoutStore.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (failures >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await LockoutStore.SetLockoutEndDateAsync(user, time.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
            await LockoutStore.ResetAccessFailedCountAsync(user, CancellationToken);
        }

        return await UpdateUserAsync(user);
    }
}
