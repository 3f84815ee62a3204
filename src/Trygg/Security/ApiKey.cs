namespace Trygg.Security;

/// <summary>A key a machine client sends as X-Api-Key. Only its SHA-256 hash is stored; the key itself is shown once.</summary>
public class ApiKey
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters of the key, to recognise it in lists.</summary>
    public required string Prefix { get; set; }

    public required string Hash { get; set; }

    public required string Role { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
