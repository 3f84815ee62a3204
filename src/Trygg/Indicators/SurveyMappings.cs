using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;

namespace Trygg.Indicators;

/// <summary>
/// Survey table mappings saved by name, so that next year's table imports the same way (also from the CLI). They share the saved
/// mappings' table with the incident files, under names starting "enkät: ", so that neither kind is read as the other.
/// </summary>
public sealed class SurveyMappings(AppDbContext db)
{
    public const string Prefix = "enkät: ";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SurveyFileMapping?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        var key = Prefix + name.Trim();
        var saved = await db.ImportMappings.AsNoTracking().FirstOrDefaultAsync(m => m.Name == key, cancellationToken);
        return saved is null ? null : JsonSerializer.Deserialize<SurveyFileMapping>(saved.Mapping, Json);
    }

    public async Task<List<string>> NamesAsync(CancellationToken cancellationToken = default) =>
        (await db.ImportMappings.AsNoTracking().Where(m => m.Name.StartsWith(Prefix)).OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(cancellationToken))
            .Select(n => n[Prefix.Length..]).ToList();

    /// <summary>Saves the mapping under the name, replacing one saved before with that name.</summary>
    public async Task SaveAsync(string name, SurveyFileMapping mapping, CancellationToken cancellationToken = default)
    {
        var key = Prefix + name.Trim();
        var saved = await db.ImportMappings.FirstOrDefaultAsync(m => m.Name == key, cancellationToken);
        var json = JsonSerializer.Serialize(mapping, Json);
        if (saved is null)
        {
            db.ImportMappings.Add(new Ingestion.Files.ImportMapping { Name = key, Mapping = json });
        }
        else
        {
            saved.Mapping = json;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
