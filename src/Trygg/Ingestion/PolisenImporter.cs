using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Incidents;

namespace Trygg.Ingestion;

/// <summary>
/// Imports Polisen notices from an archive file (the JSON array of the events API, plain or gzipped) for one municipality:
/// notices whose location is the municipality or its county, placed in an area by the names in their text.
/// All or nothing; re-running changes nothing.
/// </summary>
public sealed class PolisenImporter(AppDbContext db, Categories categoryMappings)
{
    public const string Source = "polisen";
    private const string SiteAddress = "https://polisen.se";

    public async Task<ImportReport> ImportFileAsync(string path, string municipalityName, string countyName, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        var gzipped = file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
        file.Position = 0;
        await using Stream input = gzipped ? new GZipStream(file, CompressionMode.Decompress) : file;
        return await ImportAsync(input, municipalityName, countyName, dryRun, cancellationToken);
    }

    /// <param name="dryRun">Check and count everything, write nothing.</param>
    public async Task<ImportReport> ImportAsync(Stream json, string municipalityName, string countyName, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var municipality = await db.Areas.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Level == AreaLevel.Municipality && a.Name.StartsWith(municipalityName), cancellationToken);
        if (municipality is null)
        {
            return new ImportReport
            {
                Rejected = [new RejectedRecord(0, $"Kommunen '{municipalityName}' finns inte bland områdena. Läs in kommunens områden innan polisens händelser.")],
                RejectedCount = 1,
            };
        }

        var locator = new PolisenLocator(await Gazetteer.LoadAsync(db, cancellationToken), municipality, municipalityName);
        var categories = await categoryMappings.MappingAsync(Source, cancellationToken);
        var batch = await IncidentBatch.StartAsync(db, Source, cancellationToken);
        try
        {
            await foreach (var notice in JsonSerializer.DeserializeAsyncEnumerable<PolisenNotice>(json, cancellationToken: cancellationToken))
            {
                var record = ++batch.Read;
                var locationName = notice?.Location?.Name?.Trim();
                if (notice is null || (locationName != municipalityName && locationName != countyName))
                {
                    batch.OutsideScope++;
                    continue;
                }

                if (ToIncident(notice, record, locationName == countyName, locator, categories, batch.Rejected) is { } incident)
                {
                    batch.Upsert(incident, record, $"Händelse {incident.ExternalId} förekommer mer än en gång i filen.");
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or EndOfStreamException)
        {
            batch.Rejected.Add(batch.Read + 1, $"Filen kunde inte läsas efter post {batch.Read}: {e.Message}");
        }

        return await batch.FinishAsync(dryRun, cancellationToken);
    }

    private static Incident? ToIncident(
        PolisenNotice notice, int recordNumber, bool countyOnly, PolisenLocator locator, Dictionary<string, string> categories, RejectionLog rejected)
    {
        if (notice.Id is not { } id)
        {
            rejected.Add(recordNumber, "Händelsen saknar id.");
            return null;
        }

        if (!PolisenTime.TryParsePublished(notice.Datetime, out var published))
        {
            rejected.Add(recordNumber, $"Händelse {id}: tidpunkten '{notice.Datetime}' kan inte tolkas.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(notice.Type))
        {
            rejected.Add(recordNumber, $"Händelse {id} saknar händelsetyp.");
            return null;
        }

        var occurred = PolisenTime.ParseOccurred(notice.Name, published) ?? published;
        var placement = locator.Locate(notice, countyOnly);
        var url = notice.Url is { Length: > 0 } u && u.StartsWith('/') ? SiteAddress + u : notice.Url;

        return new Incident
        {
            Source = Source,
            ExternalId = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            OccurredAt = occurred.UtcDateTime,
            ReportedAt = published.UtcDateTime,
            Type = notice.Type.Trim(),
            Category = categories.GetValueOrDefault(notice.Type.Trim(), Taxonomy.Other),
            Title = notice.Name?.Trim(),
            Text = notice.Summary?.Trim(),
            Url = url,
            IsSummary = Taxonomy.IsSummaryType(notice.Type),
            AreaId = placement.Area?.Id,
            Accuracy = placement.Accuracy,
            LocatedBy = placement.DecidedBy,
        };
    }

}
