using Microsoft.EntityFrameworkCore;

namespace Trygg.Data;

public static class DataVersions
{
    /// <summary>Bumps the named version in the same unit of work as the change it marks (call before SaveChanges).</summary>
    public static async Task BumpAsync(this AppDbContext db, string name, CancellationToken cancellationToken = default)
    {
        var version = await db.DataVersions.FindAsync([name], cancellationToken);
        if (version is null)
        {
            db.DataVersions.Add(new DataVersion { Name = name, Version = 1 });
        }
        else
        {
            version.Version++;
        }
    }

    public static async Task<long> CurrentAsync(this AppDbContext db, string name, CancellationToken cancellationToken = default) =>
        await db.DataVersions.AsNoTracking().Where(v => v.Name == name).Select(v => v.Version).FirstOrDefaultAsync(cancellationToken);
}
