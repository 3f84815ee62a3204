using Microsoft.EntityFrameworkCore;
using Trygg.Data;

namespace Trygg.Indicators;

/// <summary>Reads indicators and their observations for the pages, the API, the lägesbild and the goals; periods sort in time order as text.</summary>
public sealed class IndicatorQueries(AppDbContext db)
{
    /// <summary>Every indicator by name, with its latest period and the areas it has observations for.</summary>
    public async Task<IReadOnlyList<IndicatorSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var indicators = await db.Indicators.AsNoTracking().ToListAsync(cancellationToken);
        var cells = await db.IndicatorObservations.Select(o => new { o.IndicatorId, o.AreaCode, o.Period }).Distinct().ToListAsync(cancellationToken);
        var byIndicator = cells.ToLookup(c => c.IndicatorId);
        return indicators.OrderBy(i => i.Name, StringComparer.Create(IndicatorText.Swedish, ignoreCase: true)).Select(i => new IndicatorSummary(
                i, byIndicator[i.Id].Select(c => c.Period).Max(StringComparer.Ordinal), byIndicator[i.Id].Select(c => c.AreaCode).Distinct().Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }

    public Task<Indicator?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, cancellationToken);

    /// <summary>The indicator's observations the filter selects, by area, period and group.</summary>
    public async Task<List<IndicatorObservation>> ObservationsAsync(int indicatorId, ObservationFilter filter, CancellationToken cancellationToken = default)
    {
        var observations = await filter.Apply(db.IndicatorObservations.AsNoTracking().Where(o => o.IndicatorId == indicatorId)).ToListAsync(cancellationToken);
        return observations.OrderBy(o => o.AreaCode, StringComparer.Ordinal).ThenBy(o => o.Period, StringComparer.Ordinal)
            .ThenBy(o => o.Sex, StringComparer.Ordinal).ThenBy(o => o.AgeBand, StringComparer.Ordinal).ThenBy(o => o.Group, StringComparer.Ordinal).ToList();
    }

    /// <summary>The survey indicators (shares) with observations for any of the areas, each with those observations.</summary>
    public async Task<IReadOnlyList<IndicatorSeries>> SharesForAsync(IReadOnlyCollection<string> areaCodes, CancellationToken cancellationToken = default)
    {
        var codes = areaCodes.ToList();
        var observations = await db.IndicatorObservations.AsNoTracking()
            .Where(o => codes.Contains(o.AreaCode) && db.Indicators.Any(i => i.Id == o.IndicatorId && i.Type == IndicatorType.Share)).ToListAsync(cancellationToken);
        var ids = observations.Select(o => o.IndicatorId).Distinct().ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken);
        return indicators.OrderBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => new IndicatorSeries(i, observations.Where(o => o.IndicatorId == i.Id).ToList())).ToList();
    }
}
