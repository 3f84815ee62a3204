using Trygg.Data;

namespace Trygg.Tests;

/// <summary>The real data in ../shared/data.</summary>
public static class SharedData
{
    public static string Directory =>
        DemoDataDirectory.Find(null) ?? throw new InvalidOperationException("Hittar inte shared/data bredvid repositoriet.");
}
