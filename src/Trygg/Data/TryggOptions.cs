namespace Trygg.Data;

/// <summary>Settings under "Trygg" in configuration (Trygg__AdminPassword etc. in the environment).</summary>
public sealed class TryggOptions
{
    public const string Section = "Trygg";

    /// <summary>The first admin's password; when empty one is generated, printed once and must be changed at first sign-in.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Folder with the demo data (stockholm/, polisen/); when empty, a "shared/data" folder above the working directory is used.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Load Stockholm's areas, reference data and police events on first start.</summary>
    public bool LoadDemoData { get; set; } = true;
}
