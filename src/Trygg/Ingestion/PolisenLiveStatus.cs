namespace Trygg.Ingestion;

/// <summary>What the live import last did and when it calls next, for the Data page. One per process.</summary>
public sealed class PolisenLiveStatus
{
    private readonly Lock gate = new();

    public DateTimeOffset? LastCall { get; private set; }

    public string? LastResult { get; private set; }

    public DateTimeOffset? NextCall { get; private set; }

    /// <summary>Set when the API answered 404: the address is wrong or gone, and polling has stopped.</summary>
    public bool Stopped { get; private set; }

    public void Record(DateTimeOffset call, string result, DateTimeOffset? next, bool stopped = false)
    {
        lock (gate)
        {
            (LastCall, LastResult, NextCall, Stopped) = (call, result, next, stopped);
        }
    }
}
