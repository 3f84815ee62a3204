namespace Trygg.Indicators;

/// <summary>Where SCB's PxWeb API is (configuration section Indicators:Scb); tests point it at a local server.</summary>
public sealed class PxWebOptions
{
    public const string Section = "Indicators:Scb";

    /// <summary>The v2 API: tables/{id}/data and config below it.</summary>
    public string BaseUrl { get; set; } = "https://statistikdatabasen.scb.se/api/v2/";

    /// <summary>The v1 API's database root: table paths below it, its config as "?config" on the folder above.</summary>
    public string V1BaseUrl { get; set; } = "https://api.scb.se/OV0104/v1/doris/sv/ssd/";
}
