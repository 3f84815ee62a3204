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
public sealed class PolisenImporter(AppDbContext db)
{
    public const string Source = "polisen";
    private const string SiteAddress = "https://polisen.se";

    public async Task<ImportReport> ImportFileAsync(string path, string municipalityName, string countyName, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        var gzipped = file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
        file.Position = 0;
        await using Stream input = gzipped ? new GZipStream(file, CompressionMode.Decompress) : file;
        return await ImportAsync(input, municipalityName, countyName, cancellationToken);
    }

    public async Task<ImportReport> ImportAsync(Stream json, string municipalityName, string countyName, CancellationToken cancellationToken = default)
    {
        var areas = await db.Areas.Include(a => a.Parent).ToListAsync(cancellationToken);
        var municipality = areas.FirstOrDefault(a => a.Level == AreaLevel.Municipality && a.Name.StartsWith(municipalityName, StringComparison.Ordinal));
        var gazetteer = new Gazetteer(areas);
        var existing = await db.Incidents.Where(i => i.Source == Source).ToDictionaryAsync(i => i.ExternalId, cancellationToken);

        int read = 0, inserted = 0, updated = 0, unchanged = 0, outside = 0;
        var rejected = new List<RejectedRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        try
        {
            await foreach (var notice in JsonSerializer.DeserializeAsyncEnumerable<PolisenNotice>(json, cancellationToken: cancellationToken))
            {
                read++;
                var locationName = notice?.Location?.Name?.Trim();
                if (notice is null || (locationName != municipalityName && locationName != countyName))
                {
                    outside++;
                    continue;
                }

                var incident = ToIncident(notice, read, locationName == countyName, gazetteer, municipality, rejected);
                if (incident is null)
                {
                    continue;
                }

                if (!seen.Add(incident.ExternalId))
                {
                    rejected.Add(new RejectedRecord(read, $"Händelse {incident.ExternalId} förekommer mer än en gång i filen."));
                }
                else if (!existing.TryGetValue(incident.ExternalId, out var stored))
                {
                    db.Incidents.Add(incident);
                    inserted++;
                }
                else if (CopyChanges(incident, stored))
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or EndOfStreamException)
        {
            rejected.Add(new RejectedRecord(read + 1, $"Filen kunde inte läsas efter post {read}: {e.Message}"));
        }

        if (rejected.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new ImportReport { Read = read, OutsideScope = outside, Rejected = rejected, Committed = false };
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new ImportReport { Read = read, Inserted = inserted, Updated = updated, Unchanged = unchanged, OutsideScope = outside, Committed = true };
    }

    private static Incident? ToIncident(PolisenNotice notice, int recordNumber, bool countyOnly, Gazetteer gazetteer, Area? municipality, List<RejectedRecord> rejected)
    {
        if (notice.Id is not { } id)
        {
            rejected.Add(new RejectedRecord(recordNumber, "Händelsen saknar id."));
            return null;
        }

        if (!PolisenTime.TryParsePublished(notice.Datetime, out var published))
        {
            rejected.Add(new RejectedRecord(recordNumber, $"Händelse {id}: tidpunkten '{notice.Datetime}' kan inte tolkas."));
            return null;
        }

        if (string.IsNullOrWhiteSpace(notice.Type))
        {
            rejected.Add(new RejectedRecord(recordNumber, $"Händelse {id} saknar händelsetyp."));
            return null;
        }

        var occurred = PolisenTime.ParseOccurred(notice.Name, published) ?? published;
        var placement = gazetteer.Place(TitleWithoutTimeAndType(notice.Name, notice.Type) + " " + notice.Summary);
        var url = notice.Url is { Length: > 0 } u && u.StartsWith('/') ? SiteAddress + u : notice.Url;
        var (area, accuracy) = placement switch
        {
            { Area: not null } => (placement.Area, placement.Accuracy),
            _ when countyOnly && placement is null => (null, LocationAccuracy.County),
            _ => (municipality, LocationAccuracy.Municipality),
        };

        return new Incident
        {
            Source = Source,
            ExternalId = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            OccurredAt = occurred.UtcDateTime,
            ReportedAt = published.UtcDateTime,
            Type = notice.Type.Trim(),
            Title = notice.Name?.Trim(),
            Text = notice.Summary?.Trim(),
            Url = url,
            IsSummary = notice.Type.StartsWith("Sammanfattning", StringComparison.OrdinalIgnoreCase),
            AreaId = area?.Id,
            Accuracy = accuracy,
            LocatedBy = placement?.DecidedBy,
        };
    }

    /// <summary>"20 mars 10:14, Rån, Stockholm" → "Stockholm": the date and type would only confuse the gazetteer.</summary>
    private static string TitleWithoutTimeAndType(string? title, string type)
    {
        var parts = (title ?? string.Empty).Split(", ");
        return string.Join(", ", parts.Skip(1).Where(p => !type.Contains(p, StringComparison.Ordinal)));
    }

    private static bool CopyChanges(Incident from, Incident to)
    {
        var changed = to.OccurredAt != from.OccurredAt || to.ReportedAt != from.ReportedAt || to.Type != from.Type
            || to.Title != from.Title || to.Text != from.Text || to.Url != from.Url || to.IsSummary != from.IsSummary
            || to.AreaId != from.AreaId || to.Accuracy != from.Accuracy || to.LocatedBy != from.LocatedBy;
        if (changed)
        {
            to.OccurredAt = from.OccurredAt;
            to.ReportedAt = from.ReportedAt;
            to.Type = from.Type;
            to.Title = from.Title;
            to.Text = from.Text;
            to.Url = from.Url;
            to.IsSummary = from.IsSummary;
            to.AreaId = from.AreaId;
            to.Accuracy = from.Accuracy;
            to.LocatedBy = from.LocatedBy;
        }

        return changed;
    }
}
