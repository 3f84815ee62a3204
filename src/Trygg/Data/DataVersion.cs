namespace Trygg.Data;

/// <summary>
/// A counter bumped whenever a kind of data changes (e.g. "incidents" on every committed import), so that caches in any
/// process — the web host's incident store after a `trygg import` — notice and reload.
/// </summary>
public class DataVersion
{
    public const string Incidents = "incidents";

    public required string Name { get; set; }

    public long Version { get; set; }
}
