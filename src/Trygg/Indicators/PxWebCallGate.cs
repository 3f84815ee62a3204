namespace Trygg.Indicators;

/// <summary>
/// Keeps calls to a PxWeb API within its published limit (at most N calls in any time window), for the whole process.
/// A call counts from the moment it is sent until a window after its answer came back: the API counts calls as they
/// arrive, which is some time after they are sent, so counting from the end is what guarantees the limit on its side.
/// </summary>
public sealed class PxWebCallGate(TimeProvider time)
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, Calls> apis = new(StringComparer.Ordinal);

    /// <summary>The limits read from each API's /config, so it is read once per process.</summary>
    public Dictionary<string, PxWebLimits> Limits { get; } = new(StringComparer.Ordinal);

    /// <summary>Waits (on the <see cref="TimeProvider"/>) until a call may be sent; dispose the result when its answer has arrived.</summary>
    public async Task<IDisposable> EnterAsync(string api, PxWebLimits limits, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (sync)
            {
                if (!apis.TryGetValue(api, out var calls))
                {
                    apis[api] = calls = new Calls();
                }

                var now = time.GetUtcNow();
                while (calls.Finished.Count > 0 && now - calls.Finished.Peek() >= limits.TimeWindow)
                {
                    calls.Finished.Dequeue();
                }

                if (calls.InFlight + calls.Finished.Count < limits.MaxCalls)
                {
                    calls.InFlight++;
                    return new Call(this, calls);
                }

                wait = calls.Finished.Count > 0 ? calls.Finished.Peek() + limits.TimeWindow - now : limits.TimeWindow;
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private void Leave(Calls calls)
    {
        lock (sync)
        {
            calls.InFlight--;
            calls.Finished.Enqueue(time.GetUtcNow());
        }
    }

    private sealed class Calls
    {
        public int InFlight { get; set; }

        public Queue<DateTimeOffset> Finished { get; } = new();
    }

    private sealed class Call(PxWebCallGate gate, Calls calls) : IDisposable
    {
        private bool left;

        public void Dispose()
        {
            if (!left)
            {
                left = true;
                gate.Leave(calls);
            }
        }
    }
}

/// <summary>A PxWeb API's published limits: calls per time window and the most cells one answer may hold.</summary>
public sealed record PxWebLimits(int MaxCalls, TimeSpan TimeWindow, long MaxCells)
{
    /// <summary>What is assumed when /config cannot be read: SCB's documented limits of 30 calls in 10 s, 150,000 cells (v2).</summary>
    public static readonly PxWebLimits Assumed = new(30, TimeSpan.FromSeconds(10), 150_000);
}
