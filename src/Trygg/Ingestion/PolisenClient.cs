using System.Net;
using System.Net.Http.Headers;

namespace Trygg.Ingestion;

/// <summary>
/// Calls the Polisen events API by its rules: a User-Agent with a contact, at least 10 s between calls and under 60 calls
/// in any hour (calls beyond are refused here, not sent), 404 as permanent, 429 and 5xx as "try later".
/// </summary>
public sealed class PolisenClient(HttpClient http, PolisenCallGate gate, TimeProvider time)
{
    /// <summary>The notices for the given location names (the municipality and its county), as the API's JSON.</summary>
    public async Task<PolisenResponse> GetEventsAsync(Uri address, string userAgent, IEnumerable<string> locations, CancellationToken cancellationToken = default)
    {
        var refusal = gate.TakeCallSlot(time.GetUtcNow());
        if (refusal is not null)
        {
            return new PolisenResponse(PolisenOutcome.TooSoon, null, refusal);
        }

        var query = "locationname=" + Uri.EscapeDataString(string.Join(';', locations));
        using var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(address) { Query = query }.Uri);
        request.Headers.UserAgent.ParseAdd(userAgent);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return new PolisenResponse(PolisenOutcome.Gone, null, null);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta
                ?? (response.Headers.RetryAfter?.Date is { } date ? date - time.GetUtcNow() : null);
            return new PolisenResponse(PolisenOutcome.TryLater, null, retryAfter);
        }

        response.EnsureSuccessStatusCode();
        return new PolisenResponse(PolisenOutcome.Ok, await response.Content.ReadAsByteArrayAsync(cancellationToken), null);
    }

}

/// <summary>The API's limits, kept for the whole process (typed HTTP clients come and go).</summary>
public sealed class PolisenCallGate
{
    public static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(10);
    public const int MaxCallsPerHour = 59;

    private readonly Queue<DateTimeOffset> calls = new();
    private readonly Lock gate = new();

    /// <summary>Null when a call may be made now (and counts it); otherwise how long to wait.</summary>
    public TimeSpan? TakeCallSlot(DateTimeOffset now)
    {
        lock (gate)
        {
            while (calls.Count > 0 && now - calls.Peek() >= TimeSpan.FromHours(1))
            {
                calls.Dequeue();
            }

            if (calls.Count > 0 && now - calls.Last() < MinimumGap)
            {
                return MinimumGap - (now - calls.Last());
            }

            if (calls.Count >= MaxCallsPerHour)
            {
                return calls.Peek().AddHours(1) - now;
            }

            calls.Enqueue(now);
            return null;
        }
    }
}

public enum PolisenOutcome
{
    Ok,
    TooSoon,
    TryLater,
    Gone,
}

/// <summary>The API's answer: the JSON when <see cref="PolisenOutcome.Ok"/>, or how long to wait.</summary>
public sealed record PolisenResponse(PolisenOutcome Outcome, byte[]? Json, TimeSpan? Wait);
