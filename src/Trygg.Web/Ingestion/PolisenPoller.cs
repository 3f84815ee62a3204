using Microsoft.Extensions.Options;
using Trygg.Ingestion;

namespace Trygg.Web.Ingestion;

/// <summary>Follows the police events API in the background when Polisen:Live:Enabled is set.</summary>
public sealed class PolisenPoller(IServiceScopeFactory scopes, IOptions<PolisenLiveOptions> options, TimeProvider time, ILogger<PolisenPoller> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset? next;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                next = await scope.ServiceProvider.GetRequiredService<PolisenLiveImport>().RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Hämtningen från polisens API misslyckades; nytt försök om {Interval}.", options.Value.Interval);
                next = time.GetUtcNow() + options.Value.Interval;
            }

            if (next is null)
            {
                return;
            }

            var delay = next.Value - time.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }
}
