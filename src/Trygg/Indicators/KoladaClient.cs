using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Trygg.Indicators;

/// <summary>
/// Reads Kolada's API v2 (https://github.com/Hypergene/kolada): KPI metadata, the list of municipalities and KPI values per
/// municipality and year, following <c>next_page</c> until the last page (an answer holds at most 5,000 items).
/// </summary>
public sealed class KoladaClient(HttpClient http, IOptions<KoladaOptions> options)
{
    private Uri BaseUrl => new(options.Value.BaseUrl);

    public async Task<IReadOnlyList<KoladaKpi>> GetKpisAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default) =>
        (await GetAllAsync($"kpi/{Join(ids)}", cancellationToken)).Select(KoladaKpi.From).ToList();

    public async Task<IReadOnlyList<KoladaMunicipality>> GetMunicipalitiesAsync(CancellationToken cancellationToken = default) =>
        (await GetAllAsync("municipality", cancellationToken))
            .Select(m => new KoladaMunicipality(m.GetProperty("id").GetString()!, Text(m, "title") ?? "", Text(m, "type") ?? ""))
            .ToList();

    /// <summary>The values as Kolada gives them: one element per KPI, municipality and period, each with values per gender.</summary>
    public Task<IReadOnlyList<JsonElement>> GetValuesAsync(
        IReadOnlyList<string> kpis, IReadOnlyList<string> municipalities, IReadOnlyList<string> years, CancellationToken cancellationToken = default) =>
        GetAllAsync($"data/kpi/{Join(kpis)}/municipality/{Join(municipalities)}/year/{Join(years)}", cancellationToken);

    private async Task<IReadOnlyList<JsonElement>> GetAllAsync(string path, CancellationToken cancellationToken)
    {
        var values = new List<JsonElement>();
        Uri? next = new(BaseUrl, path);
        for (var page = 1; next is not null; page++)
        {
            JsonElement answer;
            try
            {
                answer = await http.GetFromJsonAsync<JsonElement>(next, cancellationToken);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"Koladas svar på {next.AbsolutePath} (sida {page}) är inte giltig JSON: {e.Message}", e);
            }

            if (answer.ValueKind != JsonValueKind.Object || !answer.TryGetProperty("values", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"Koladas svar på {next.AbsolutePath} (sida {page}) saknar listan \"values\".");
            }

            values.AddRange(items.EnumerateArray().Select(v => v.Clone()));
            next = Text(answer, "next_page") is { Length: > 0 } link ? OnConfiguredHost(new Uri(link)) : null;
        }

        return values;
    }

    /// <summary>next_page is a full address on Kolada's host; asked through another address (a proxy, a stand-in), go on there.</summary>
    private Uri OnConfiguredHost(Uri link) =>
        link.Authority == BaseUrl.Authority ? link : new UriBuilder(link) { Scheme = BaseUrl.Scheme, Host = BaseUrl.Host, Port = BaseUrl.Port }.Uri;

    private static string Join(IReadOnlyList<string> values) => string.Join(',', values.Select(Uri.EscapeDataString));

    internal static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>Where Kolada's API is (configuration section Indicators:Kolada).</summary>
public sealed class KoladaOptions
{
    public const string Section = "Indicators:Kolada";

    public string BaseUrl { get; set; } = "https://api.kolada.se/v2/";
}

public sealed record KoladaMunicipality(string Id, string Title, string Type);

/// <summary>A KPI's metadata as far as Trygg uses it.</summary>
public sealed record KoladaKpi(string Id, string Title, string Description, bool DividedByGender, bool HasOuData, string OperatingArea)
{
    public static KoladaKpi From(JsonElement kpi) => new(
        kpi.GetProperty("id").GetString()!,
        KoladaClient.Text(kpi, "title") ?? "",
        KoladaClient.Text(kpi, "description") ?? "",
        Flag(kpi, "is_divided_by_gender"),
        Flag(kpi, "has_ou_data"),
        KoladaClient.Text(kpi, "operating_area") ?? "");

    private static bool Flag(JsonElement kpi, string name) =>
        kpi.TryGetProperty(name, out var value) && (value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.Number && value.GetInt32() != 0));
}
