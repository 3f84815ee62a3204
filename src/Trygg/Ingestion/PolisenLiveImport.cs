using System.Globalization;
using Microsoft.Extensions.Options;

namespace Trygg.Ingestion;

/// <summary>One round of the live import: call the API, import what is new or revised, record the run and the status.</summary>
public sealed class PolisenLiveImport(
    PolisenClient client,
    PolisenImporter importer,
    ImportRuns runs,
    PolisenLiveStatus status,
    IOptions<PolisenLiveOptions> options,
    TimeProvider time)
{
    /// <summary>Runs one round; returns when the next should be (null when polling must stop).</summary>
    public async Task<DateTimeOffset?> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var interval = settings.Interval < PolisenLiveOptions.MinimumInterval ? PolisenLiveOptions.MinimumInterval : settings.Interval;
        if (!PolisenPlaces.TryFind(settings.MunicipalityCode, out var municipality, out var county))
        {
            status.Record(now, $"Polisens namn för kommun {settings.MunicipalityCode} är okända.", null, stopped: true);
            return null;
        }

        PolisenResponse response;
        try
        {
            response = await client.GetEventsAsync(settings.Address, settings.UserAgent, [municipality, county], cancellationToken);
        }
        catch (HttpRequestException e)
        {
            var retry = now + interval;
            status.Record(now, $"Polisens API svarade inte: {e.Message}", retry);
            return retry;
        }

        switch (response.Outcome)
        {
            case PolisenOutcome.Gone:
                status.Record(now, "Polisens API svarade 404: adressen finns inte. Hämtningen har stoppats; kontrollera Polisen:Live:Address.", null, stopped: true);
                return null;
            case PolisenOutcome.TooSoon:
                var wait = now + (response.Wait ?? PolisenCallGate.MinimumGap);
                status.Record(now, "För tätt inpå förra anropet; väntar enligt polisens regler.", wait);
                return wait;
            case PolisenOutcome.TryLater:
                var backOff = now + Max(response.Wait ?? TimeSpan.Zero, interval * 2);
                status.Record(now, "Polisens API bad oss vänta (429/5xx); nästa försök senare.", backOff);
                return backOff;
            case PolisenOutcome.Ok:
                var report = await importer.ImportAsync(new MemoryStream(response.Json!), municipality, county, cancellationToken: cancellationToken);
                await runs.RecordAsync(report, PolisenImporter.Source, "live", settings.Address.Host, "polisen-live", now.UtcDateTime, cancellationToken: cancellationToken);
                var next = now + interval;
                status.Record(now, string.Create(CultureInfo.InvariantCulture,
                    $"{report.Read} lästa, {report.Inserted} nya, {report.Updated} ändrade, {report.RejectedCount} avvisade."), next);
                return next;
            default:
                throw new InvalidOperationException(response.Outcome.ToString());
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
