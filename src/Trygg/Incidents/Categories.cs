using Microsoft.EntityFrameworkCore;
using Trygg.Data;

namespace Trygg.Incidents;

/// <summary>The category taxonomy in the database: loaded once, then edited by the Samordnare.</summary>
public sealed class Categories(AppDbContext db)
{
    /// <summary>Adds the taxonomy and the police types' mapping when the database has none.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        // The taxonomy's categories that are missing (a database made before a category was added gets it too).
        var existing = await db.Categories.Select(c => c.Code).ToListAsync(cancellationToken);
        db.Categories.AddRange(Taxonomy.Categories.Select((c, i) => new IncidentCategory { Code = c.Code, Name = c.Name, SortOrder = i }).Where(c => !existing.Contains(c.Code)));

        if (!await db.TypeCategories.AnyAsync(m => m.Source == Ingestion.PolisenImporter.Source, cancellationToken))
        {
            db.TypeCategories.AddRange(Taxonomy.PolisenTypes.Select(p => new TypeCategory { Source = Ingestion.PolisenImporter.Source, Type = p.Key, CategoryCode = p.Value }));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The category of each of a source's types, by type (case-insensitive).</summary>
    public async Task<Dictionary<string, string>> MappingAsync(string source, CancellationToken cancellationToken = default) =>
        await db.TypeCategories.AsNoTracking()
            .Where(m => m.Source == source)
            .ToDictionaryAsync(m => m.Type, m => m.CategoryCode, StringComparer.OrdinalIgnoreCase, cancellationToken);

    /// <summary>Puts a source's type in a category, and every stored incident of that type with it.</summary>
    public async Task<int> SetAsync(string source, string type, string categoryCode, CancellationToken cancellationToken = default)
    {
        if (!await db.Categories.AnyAsync(c => c.Code == categoryCode, cancellationToken))
        {
            throw new ArgumentException($"Kategorin '{categoryCode}' finns inte.", nameof(categoryCode));
        }

        var mapping = await db.TypeCategories.FirstOrDefaultAsync(m => m.Source == source && m.Type == type, cancellationToken);
        if (mapping is null)
        {
            db.TypeCategories.Add(new TypeCategory { Source = source, Type = type, CategoryCode = categoryCode });
        }
        else
        {
            mapping.CategoryCode = categoryCode;
        }

        await db.BumpAsync(DataVersion.Incidents, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var changed = await db.Incidents.Where(i => i.Source == source && i.Type == type)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Category, categoryCode), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }
}
