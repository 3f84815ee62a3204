namespace Trygg.Web.Ingestion;

/// <summary>
/// Uploaded files waiting between preview, dry run and import, kept in a folder of their own under the temp directory
/// and removed after a day. An upload is named by a random id, so one person cannot guess another's.
/// </summary>
public sealed class FileUploads(TimeProvider time)
{
    public const long MaxBytes = 100L * 1024 * 1024;

    /// <summary>Larger than <see cref="MaxBytes"/>, so that a too large file arrives and is refused with an explanation, not a bare 413.</summary>
    public const long MaxRequestBytes = 1024L * 1024 * 1024;

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "trygg-uploads");

    public async Task<string> SaveAsync(IFormFile file, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        foreach (var old in new DirectoryInfo(Folder).EnumerateFiles().Where(f => f.LastWriteTimeUtc < time.GetUtcNow().UtcDateTime.AddDays(-1)))
        {
            old.Delete();
        }

        var id = Guid.NewGuid().ToString("N") + Path.GetExtension(file.FileName).ToLowerInvariant();
        await using var target = File.Create(Path.Combine(Folder, id));
        await file.CopyToAsync(target, cancellationToken);
        return id;
    }

    /// <summary>The upload's path, or null when the id is not one of ours (or has been removed).</summary>
    public static string? PathOf(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64 || id.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '.'))
        {
            return null;
        }

        var path = Path.Combine(Folder, id);
        return File.Exists(path) ? path : null;
    }

    public static void Remove(string id)
    {
        if (PathOf(id) is { } path)
        {
            File.Delete(path);
        }
    }
}
