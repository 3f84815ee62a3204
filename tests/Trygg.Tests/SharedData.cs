using System.IO.Compression;
using System.Text.Json;
using Trygg.Data;

namespace Trygg.Tests;

/// <summary>The real data in ../shared/data.</summary>
public static class SharedData
{
    public static string Directory =>
        DemoDataDirectory.Find(null) ?? throw new InvalidOperationException("Hittar inte shared/data bredvid repositoriet.");

    public static string PolisenArchive => System.IO.Directory.GetFiles(Path.Combine(Directory, "polisen"), "*.json.gz").Single();

    /// <summary>Counted straight from the archive, independently of the importer: notices for Stockholm or Stockholms län.</summary>
    public static int StockholmNoticesInArchive()
    {
        using var json = JsonDocument.Parse(new GZipStream(File.OpenRead(PolisenArchive), CompressionMode.Decompress));
        return json.RootElement.EnumerateArray()
            .Select(e => e.GetProperty("location").GetProperty("name").GetString())
            .Count(name => name is "Stockholm" or "Stockholms län");
    }
}
