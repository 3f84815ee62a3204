using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;

namespace Trygg.Ingestion.Files;

/// <summary>Saved column mappings, by name.</summary>
public sealed class ImportMappings(AppDbContext db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IncidentFileMapping?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        var saved = await db.ImportMappings.AsNoTracking().FirstOrDefaultAsync(m => m.Name == name, cancellationToken);
        return saved is null ? null : JsonSerializer.Deserialize<IncidentFileMapping>(saved.Mapping, Json);
    }

    public Task<List<string>> NamesAsync(CancellationToken cancellationToken = default) =>
        db.ImportMappings.AsNoTracking().OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(cancellationToken);

    /// <summary>Saves the mapping under the name, replacing one saved before with that name.</summary>
    public async Task SaveAsync(string name, IncidentFileMapping mapping, CancellationToken cancellationToken = default)
    {
        var saved = await db.ImportMappings.FirstOrDefaultAsync(m => m.Name == name, cancellationToken);
        var json = JsonSerializer.Serialize(mapping, Json);
        if (saved is null)
        {
            db.ImportMappings.Add(new ImportMapping { Name = name, Mapping = json });
        }
        else
        {
            saved.Mapping = json;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
