using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trygg.CitizenReports;
using Trygg.Data;
using Trygg.Security;

namespace Trygg.Web.CitizenReports;

/// <summary>
/// Open311 GeoReport v2 at <c>/open311/v2/</c>, to the letter of the specification (wiki.open311.org/GeoReport_v2) so that
/// existing Open311 apps work: discovery, services, service definitions, filing a request with an api_key, a token's
/// request, and the published requests. Public, with a request rate per client; errors are Open311's
/// <c>[{code, description}]</c> with descriptions in Swedish. Extensions (page, page_size, updated_after, lang, address_id
/// as an area code) are listed in the discovery document.
/// </summary>
public static partial class Open311Api
{
    public const string RateLimitPolicy = "open311";
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    /// <summary>When this API's discovery document or service definitions last changed in form (sortable, as the specification asks).</summary>
    public const string Changeset = "2026-11-23 12:00";

    private const string Received = "Tack! Rapporten är mottagen. Den granskas innan den visas för andra, och du kan följa den här.";

    public static IServiceCollection AddOpen311(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<Open311Options>(configuration.GetSection(Open311Options.Section));
        services.Configure<Open311Options>(configuration.GetSection(Open311Options.RateLimitSection));
        services.AddRateLimiter(limiter =>
        {
            // Each client (IP address) has its own bucket: a burst, then the sustained rate.
            limiter.AddPolicy(RateLimitPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<Open311Options>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(options.Burst, options.PermitPerSecond),
                    TokensPerPeriod = options.PermitPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapOpen311Api(this IEndpointRouteBuilder endpoints)
    {
        // Not in the OpenAPI document: Open311 describes itself (discovery) and its answers are not the JSON API's.
        var open311 = endpoints.MapGroup("/open311/v2").AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimitPolicy).ExcludeFromDescription();
        open311.MapGet("/discovery.{format}", Discovery);
        open311.MapGet("/services.{format}", ServicesAsync);
        open311.MapGet("/services/{service_code}.{format}", ServiceDefinitionAsync);
        open311.MapPost("/requests.{format}", SubmitAsync);
        open311.MapGet("/requests.{format}", RequestsAsync);
        open311.MapGet("/requests/{service_request_id}.{format}", RequestAsync);
        open311.MapGet("/tokens/{token}.{format}", TokenAsync);
        open311.Map("/{**path}", (HttpRequest request) => Open311Document.Errors(FormatOfPath(request.Path),
            (StatusCodes.Status404NotFound, "Det finns ingen sådan Open311-resurs. Se discovery.xml för vad som finns.")));
        return endpoints;
    }

    private static Open311Document Discovery(string format, HttpRequest request, IOptions<Open311Options> options)
    {
        if (Check(format, request.Query, options.Value) is { } refused)
        {
            return refused;
        }

        var settings = options.Value;
        var extensions = new (string Parameter, string Description)[]
        {
            ("page", "GET requests: sidan av svaret, från 1 (standard 1)."),
            ("page_size", "GET requests: rapporter per sida, 1–1000 (standard 1000)."),
            ("updated_after", "GET requests: bara rapporter vars status ändrats efter tidpunkten (ISO 8601); utan start_date och end_date gäller då inte 90-dagarsfönstret."),
            ("lang", "GET services, services/{service_code} och requests: sv (standard) eller en för tjänsternas namn på engelska."),
            ("address_id", "POST requests och GET requests: stadsdelens kod (t.ex. 0180-sd-rinkeby) som plats när varken lat/long eller adress anges."),
            ("429", "För många anrop från samma adress ger HTTP 429 med Retry-After och ett Open311-fel."),
        };
        return new Open311Document("discovery", new Open311Object
        {
            { "changeset", Changeset },
            { "contact", settings.Contact },
            { "key_service", settings.KeyService },
            {
                "endpoints", new Open311List("endpoint", [new Open311Object
                {
                    { "specification", Specification },
                    { "url", $"{request.Scheme}://{request.Host}{request.PathBase}/open311/v2" },
                    { "changeset", Changeset },
                    { "type", settings.EndpointType },
                    { "formats", new Open311List("format", ["text/xml", "application/json"]) },
                }])
            },
            { "extensions", new Open311List("extension", extensions.Select(e => new Open311Object { { "parameter", e.Parameter }, { "description", e.Description } })) },
        }) { Format = FormatOf(format) };
    }

    private static async Task<Open311Document> ServicesAsync(string format, HttpRequest request, IOptions<Open311Options> options, PublishedReports published, CancellationToken cancellationToken)
    {
        if (Check(format, request.Query, options.Value) is { } refused)
        {
            return refused;
        }

        var english = IsEnglish(request.Query);
        var services = await published.ServicesAsync(cancellationToken);
        return new Open311Document("services", new Open311List("service", services.Select(s => new Open311Object
        {
            { "service_code", s.Code },
            { "service_name", english && s.NameEnglish.Length > 0 ? s.NameEnglish : s.Name },
            { "description", s.Description },
            { "metadata", PublishedReports.AttributesOf(s).Count > 0 },
            { "type", "realtime" },
            { "keywords", s.Keywords },
            { "group", s.Group },
        }))) { Format = FormatOf(format) };
    }

    private static async Task<Open311Document> ServiceDefinitionAsync(
        [FromRoute(Name = "service_code")] string code, string format, HttpRequest request, IOptions<Open311Options> options, PublishedReports published, CancellationToken cancellationToken)
    {
        if (Check(format, request.Query, options.Value) is { } refused)
        {
            return refused;
        }

        var service = (await published.ServicesAsync(cancellationToken)).FirstOrDefault(s => s.Code == code);
        if (service is null)
        {
            return Open311Document.Errors(FormatOf(format), (StatusCodes.Status404NotFound, $"Det finns ingen tjänst med service_code '{code}'."));
        }

        return new Open311Document("service_definition", new Open311Object
        {
            { "service_code", service.Code },
            {
                "attributes", new Open311List("attribute", PublishedReports.AttributesOf(service).Select(a => new Open311Object
                {
                    { "variable", a.Variable },
                    { "code", a.Code },
                    { "datatype", a.Datatype },
                    { "required", a.Required },
                    { "datatype_description", a.DatatypeDescription },
                    { "order", a.Order },
                    { "description", a.Description },
                    { "values", new Open311List("value", a.Values.Select(v => new Open311Object { { "key", v.Key }, { "name", v.Name } })) },
                }))
            },
        }) { Format = FormatOf(format) };
    }

    private static async Task<Open311Document> SubmitAsync(
        string format, HttpRequest request, IOptions<Open311Options> options, ApiKeys apiKeys, Trygg.CitizenReports.CitizenReports reports, AppDbContext db,
        CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Check(format, request.Query, options.Value)
                ?? Open311Document.Errors(FormatOf(format), (StatusCodes.Status400BadRequest, "Skicka rapporten formulärkodad (application/x-www-form-urlencoded)."));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException)
        {
            // A body that is not a form within the limits (too long a key, a multipart without its boundary) is the client's error.
            return Open311Document.Errors(FormatOf(format), (StatusCodes.Status400BadRequest, $"Formuläret kan inte läsas: {e.Message}"));
        }

        // One connection for the key, the service and the transaction: opening one (on SQLite it registers EF's functions
        // each time) cost more than any of the queries under load.
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (Check(format, Merged(form, request.Query), options.Value) is { } refused)
        {
            return refused;
        }

        var key = Value(form, "api_key") ?? request.Query["api_key"].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        if (key is null || await apiKeys.FindValidAsync(key.Trim(), cancellationToken) is not { } apiKey)
        {
            return Open311Document.Errors(FormatOf(format), (StatusCodes.Status403Forbidden,
                key is null ? "api_key saknas: en rapport skickas in med en api_key." : "Ogiltig eller återkallad api_key: rapporten är inte mottagen."));
        }

        var errors = new List<(int, string)>();
        var latitude = Number(form, "lat", errors);
        var longitude = Number(form, "long", errors);
        if (errors.Count > 0)
        {
            return Open311Document.Errors(FormatOf(format), [.. errors]);
        }

        var serviceCode = Value(form, "service_code");
        var (report, refusals) = await reports.SubmitAsync(new ReportSubmission(
            serviceCode, latitude, longitude, Value(form, "address_string"), Value(form, "address_id"), Value(form, "description"), Value(form, "media_url"), Attributes(form),
            FirstName: Value(form, "first_name"), LastName: Value(form, "last_name"), Email: Value(form, "email"), Phone: Value(form, "phone"),
            DeviceId: Value(form, "device_id"), AccountId: Value(form, "account_id")), apiKey.Id, cancellationToken);
        if (report is null)
        {
            // An unknown service is a resource that does not exist (404); anything else is a request that cannot be fulfilled (400).
            var unknownService = serviceCode is not null && refusals.ContainsKey("service_code");
            return Open311Document.Errors(FormatOf(format), [.. refusals
                .OrderBy(r => unknownService && r.Key == "service_code" ? 0 : 1)
                .Select(r => (unknownService && r.Key == "service_code" ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, r.Value))]);
        }

        return new Open311Document("service_requests", new Open311List("request", [new Open311Object
        {
            { "service_request_id", report.Id },
            { "service_notice", Received },
            { "account_id", Value(form, "account_id") },
        }])) { Format = FormatOf(format) };
    }

    private static async Task<Open311Document> RequestsAsync(string format, HttpRequest request, IOptions<Open311Options> options, PublishedReports published, CancellationToken cancellationToken)
    {
        if (Check(format, request.Query, options.Value) is { } refused)
        {
            return refused;
        }

        var errors = new List<(int, string)>();
        var query = ReadQuery(request.Query, errors);
        if (errors.Count > 0)
        {
            return Open311Document.Errors(FormatOf(format), [.. errors]);
        }

        var (reports, error) = await published.ListAsync(query, cancellationToken);
        return error is { } wrong
            ? Open311Document.Errors(FormatOf(format), (StatusCodes.Status400BadRequest, wrong.Value))
            : new Open311Document("service_requests", new Open311List("request", reports.Select(Request))) { Format = FormatOf(format) };
    }

    private static async Task<Open311Document> RequestAsync(
        [FromRoute(Name = "service_request_id")] string id, string format, HttpRequest request, IOptions<Open311Options> options, PublishedReports published, CancellationToken cancellationToken)
    {
        if (Check(format, request.Query, options.Value) is { } refused)
        {
            return refused;
        }

        var report = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? await published.FindAsync(number, IsEnglish(request.Query), cancellationToken)
            : null;
        return report is null
            ? Open311Document.Errors(FormatOf(format), (StatusCodes.Status404NotFound, $"Det finns ingen publicerad rapport med service_request_id '{id}'."))
            : new Open311Document("service_requests", new Open311List("request", [Request(report)])) { Format = FormatOf(format) };
    }

    private static async Task<Open311Document> TokenAsync(string token, string format, HttpRequest request, IOptions<Open311Options> options, PublishedReports published, CancellationToken cancellationToken)
    {
        if (Check(format, request.Query, options.Value) is { } refused)
        {
            return refused;
        }

        return await published.IdOfTokenAsync(token, cancellationToken) is { } id
            ? new Open311Document("service_requests", new Open311List("request", [new Open311Object { { "service_request_id", id }, { "token", token } }])) { Format = FormatOf(format) }
            : Open311Document.Errors(FormatOf(format), (StatusCodes.Status404NotFound, $"Det finns ingen rapport med token '{token}'."));
    }

    /// <summary>A published report with the fields of the specification, in its order; no contact details exist to be shown.</summary>
    private static Open311Object Request(PublishedReport report) => new()
    {
        { "service_request_id", report.Id },
        { "status", report.Status },
        { "status_notes", report.StatusNotes },
        { "service_name", report.ServiceName },
        { "service_code", report.ServiceCode },
        { "description", report.Description },
        { "agency_responsible", report.AgencyResponsible },
        { "service_notice", null },
        { "requested_datetime", report.RequestedAt },
        { "updated_datetime", report.UpdatedAt },
        { "expected_datetime", report.ExpectedAt },
        { "address", report.Address },
        { "address_id", report.AreaCode },
        { "zipcode", null },
        { "lat", report.Latitude },
        { "long", report.Longitude },
        { "media_url", report.MediaUrl },
    };

    /// <summary>The filters of GET requests; each one that cannot be read adds a Swedish error.</summary>
    private static PublishedReportQuery ReadQuery(IQueryCollection query, List<(int, string)> errors)
    {
        var ids = new List<long>();
        foreach (var id in List(query, "service_request_id"))
        {
            if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                ids.Add(number);
            }
            else
            {
                errors.Add((StatusCodes.Status400BadRequest, $"service_request_id ska vara nummer åtskilda med komma; '{id}' är inget nummer."));
            }
        }

        var statuses = List(query, "status");
        foreach (var wrong in statuses.Where(s => s is not ("open" or "closed")))
        {
            errors.Add((StatusCodes.Status400BadRequest, $"status kan vara open eller closed, inte '{wrong}'."));
        }

        return new PublishedReportQuery
        {
            Ids = ids.Take(PublishedReports.MaxPageSize).ToList(),
            ServiceCodes = List(query, "service_code"),
            StartDate = Time(query, "start_date", errors),
            EndDate = Time(query, "end_date", errors),
            UpdatedAfter = Time(query, "updated_after", errors),
            Open = statuses.Contains("open") == statuses.Contains("closed") ? null : statuses.Contains("open"),
            Page = Whole(query, "page", 1, int.MaxValue, 1, errors),
            PageSize = Whole(query, "page_size", 1, PublishedReports.MaxPageSize, PublishedReports.MaxPageSize, errors),
            English = IsEnglish(query),
        };
    }

    /// <summary>
    /// The checks every call makes first: the format is xml or json (otherwise the resource does not exist), the only
    /// jurisdiction is the configured one, and lang, when given, is sv or en. Null when all is well.
    /// </summary>
    private static Open311Document? Check(string format, IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> parameters, Open311Options options)
    {
        var given = parameters.ToDictionary(p => p.Key, p => p.Value.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim(), StringComparer.Ordinal);
        if (format is not ("xml" or "json"))
        {
            return Open311Document.Errors(Open311Format.Xml, (StatusCodes.Status404NotFound, $"Formatet '{format}' finns inte; välj xml eller json."));
        }

        if (given.GetValueOrDefault("jurisdiction_id") is { } jurisdiction && !string.Equals(jurisdiction, options.JurisdictionId, StringComparison.OrdinalIgnoreCase))
        {
            return Open311Document.Errors(FormatOf(format), (StatusCodes.Status404NotFound, $"jurisdiction_id '{jurisdiction}' finns inte här; tjänsten svarar för {options.JurisdictionId}."));
        }

        return given.GetValueOrDefault("lang") is { } lang && lang is not ("sv" or "en")
            ? Open311Document.Errors(FormatOf(format), (StatusCodes.Status400BadRequest, $"lang kan vara sv eller en, inte '{lang}'."))
            : null;
    }

    private static Open311Format FormatOf(string format) => format == "json" ? Open311Format.Json : Open311Format.Xml;

    /// <summary>For answers outside the routes (unknown resources, rate limiting): JSON when the path asks for it, else XML, Open311's required format.</summary>
    /// <summary>The answer to a client over its limit, in Open311's error format (see <see cref="Security.RateLimits"/>).</summary>
    public static IResult TooManyRequests(PathString path, int seconds) =>
        Open311Document.Errors(FormatOfPath(path), (StatusCodes.Status429TooManyRequests, $"För många anrop från din adress. Vänta {seconds} s och försök igen."));

    private static Open311Format FormatOfPath(PathString path) =>
        path.Value?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true ? Open311Format.Json : Open311Format.Xml;

    private static bool IsEnglish(IQueryCollection query) => query["lang"].FirstOrDefault()?.Trim() == "en";

    private static IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> Merged(IFormCollection form, IQueryCollection query) =>
        form.Concat(query.Where(q => !form.ContainsKey(q.Key)));

    private static string? Value(IFormCollection form, string name) => form[name].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static double? Number(IFormCollection form, string name, List<(int, string)> errors)
    {
        if (Value(form, name) is not { } text)
        {
            return null;
        }

        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }

        errors.Add((StatusCodes.Status400BadRequest, $"{name} ska vara WGS84-grader med punkt som decimaltecken (t.ex. 59.3884), inte '{text}'."));
        return null;
    }

    /// <summary>attribute[code]=value, and attribute[code][]=value repeated for a multivaluelist.</summary>
    private static Dictionary<string, string[]> Attributes(IFormCollection form) =>
        form.Select(f => (Match: AttributeName().Match(f.Key), f.Value))
            .Where(f => f.Match.Success)
            .GroupBy(f => f.Match.Groups["code"].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(f => f.Value).OfType<string>().ToArray(), StringComparer.Ordinal);

    private static List<string> List(IQueryCollection query, string name) =>
        query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();

    /// <summary>
    /// A W3C date-time; one without an offset (or a bare date) is Swedish time, never the server's zone.
    /// </summary>
    private static DateTimeOffset? Time(IQueryCollection query, string name, List<(int, string)> errors)
    {
        if (query[name].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() is not { } text)
        {
            return null;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            if (parsed.Kind == DateTimeKind.Unspecified)
            {
                return new DateTimeOffset(SwedishTime.ToUtc(parsed), TimeSpan.Zero);
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            {
                return withOffset;
            }
        }

        errors.Add((StatusCodes.Status400BadRequest, $"{name} ska vara en tidpunkt i ISO 8601, t.ex. 2026-09-01T00:00:00+02:00, inte '{text}'."));
        return null;
    }

    private static int Whole(IQueryCollection query, string name, int min, int max, int fallback, List<(int, string)> errors)
    {
        if (query[name].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() is not { } text)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors.Add((StatusCodes.Status400BadRequest, string.Create(CultureInfo.InvariantCulture, $"{name} ska vara ett heltal från {min} till {max}, inte '{text}'.")));
        return fallback;
    }

    [GeneratedRegex(@"^attribute\[(?<code>[^\]]+)\](\[\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeName();
}
