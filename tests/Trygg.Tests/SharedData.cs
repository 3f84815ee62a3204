using System.IO.Compression;
using System.Text.Json;
using Trygg.Data;

namespace Trygg.Tests;

/// <summary>The real data in ../shared/data.</summary>
public static class SharedData
{
    public static string Directory =>
        DemoDataDirectory.Find(null) ?? throw new InvalidOperationException("Hittar inte shared/data bredvid repositoriet.");

    /// <summary>The repository the tests were built from: the folder above them that holds Trygg.slnx.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Trygg.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Hittar inte Trygg.slnx ovanför testerna.");
        }
    }

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
