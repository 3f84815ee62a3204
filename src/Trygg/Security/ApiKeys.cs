using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;

namespace Trygg.Security;

/// <summary>Creates and checks API keys for machine clients.</summary>
public sealed class ApiKeys(AppDbContext db, TimeProvider time)
{
    private const string KeyPrefix = "trygg_";

    /// <summary>Creates a key for <paramref name="role"/> and returns it in clear text: the only time it is seen.</summary>
    public async Task<(ApiKey Stored, string Key)> CreateAsync(string name, string role, CancellationToken cancellationToken = default)
    {
        var canonicalRole = Roles.Find(role) ?? throw new ArgumentException($"Okänd roll: {role}", nameof(role));
        var key = KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var stored = new ApiKey
        {
            Name = name,
            Prefix = key[..(KeyPrefix.Length + 6)],
            Hash = Hash(key),
            Role = canonicalRole,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ApiKeys.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        return (stored, key);
    }

    /// <summary>The key's stored record when it is valid and not revoked; otherwise null.</summary>
    public Task<ApiKey?> FindValidAsync(string key, CancellationToken cancellationToken = default)
    {
        var hash = Hash(key);
        return db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, cancellationToken);
    }

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
