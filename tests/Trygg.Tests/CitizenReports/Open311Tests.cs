using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.CitizenReports;
using Trygg.Data;
using Trygg.Security;

namespace Trygg.Tests.CitizenReports;

/// <summary>
/// Every GeoReport v2 call in XML and JSON, shaped as the specification's examples (wiki.open311.org/GeoReport_v2). A host
/// of their own: the reports they approve become incidents in Järva, which the demo app's tests count.
/// </summary>
public sealed class Open311Tests(TryggApp app) : IClassFixture<TryggApp>
{
    // Rinkeby torg, in the stadsdel Rinkeby.
    private const string Lat = "59.3884", Lon = "17.9287";
    private const string Specification = "http://wiki.open311.org/GeoReport_v2";

    private static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
        "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
    ];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DiscoveryNamesTheEndpointItsFormatsAndTheExtensionsInXmlAndJson()
    {
        var client = app.CreateClient();

        var xml = await XmlAsync(client, "/open311/v2/discovery.xml", HttpStatusCode.OK);
        var json = await JsonAsync(client, "/open311/v2/discovery.json", HttpStatusCode.OK);

        Assert.Equal("discovery", xml.Root!.Name.LocalName);
        Assert.Equal(["changeset", "contact", "key_service", "endpoints", "extensions"], xml.Root.Elements().Select(e => e.Name.LocalName).Take(5));
        var endpoint = xml.Root.Element("endpoints")!.Element("endpoint")!;
        Assert.Equal(Specification, endpoint.Element("specification")!.Value);
        Assert.EndsWith("/open311/v2", endpoint.Element("url")!.Value, StringComparison.Ordinal);
        Assert.Equal(["text/xml", "application/json"], endpoint.Element("formats")!.Elements("format").Select(f => f.Value));
        Assert.Contains("page_size", xml.Root.Element("extensions")!.Elements("extension").Select(e => e.Element("parameter")!.Value));
        Assert.Equal(["text/xml", "application/json"], json.GetProperty("endpoints")[0].GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("updated_after", json.GetProperty("extensions").EnumerateArray().Select(e => e.GetProperty("parameter").GetString()));
    }

    [Fact]
    public async Task ServicesAreListedWithTheSpecificationsFieldsAndEnglishNamesOnRequest()
    {
        var client = app.CreateClient();

        var xml = await XmlAsync(client, "/open311/v2/services.xml?jurisdiction_id=stockholm.se", HttpStatusCode.OK);
        var json = await JsonAsync(client, "/open311/v2/services.json", HttpStatusCode.OK);
        var english = await JsonAsync(client, "/open311/v2/services.json?lang=en", HttpStatusCode.OK);

        Assert.Equal("services", xml.Root!.Name.LocalName);
        var lighting = xml.Root.Elements("service").Single(s => s.Element("service_code")!.Value == "belysning");
        Assert.Equal(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"], lighting.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(("Trasig eller saknad belysning", "true", "realtime", "Gata och park"),
            (lighting.Element("service_name")!.Value, lighting.Element("metadata")!.Value, lighting.Element("type")!.Value, lighting.Element("group")!.Value));
        var litter = json.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "nedskrapning");
        Assert.False(litter.GetProperty("metadata").GetBoolean());
        Assert.Equal("Nedskräpning", litter.GetProperty("service_name").GetString());
        Assert.Equal("Litter", english.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "nedskrapning").GetProperty("service_name").GetString());
    }

    [Fact]
    public async Task AServiceDefinitionGivesItsAttributesWithDatatypesAndValueLists()
    {
        var client = app.CreateClient();

        var xml = await XmlAsync(client, "/open311/v2/services/belysning.xml", HttpStatusCode.OK);
        var json = await JsonAsync(client, "/open311/v2/services/otrygg-plats.json", HttpStatusCode.OK);

        Assert.Equal("service_definition", xml.Root!.Name.LocalName);
        Assert.Equal("belysning", xml.Root.Element("service_code")!.Value);
        var attribute = Assert.Single(xml.Root.Element("attributes")!.Elements("attribute"));
        Assert.Equal(["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"], attribute.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(("true", "typ", "singlevaluelist", "true", "1"),
            (attribute.Element("variable")!.Value, attribute.Element("code")!.Value, attribute.Element("datatype")!.Value, attribute.Element("required")!.Value, attribute.Element("order")!.Value));
        Assert.Contains(attribute.Element("values")!.Elements("value"), v => v.Element("key")!.Value == "gatlykta" && v.Element("name")!.Value == "Gatlykta");
        var times = Assert.Single(json.GetProperty("attributes").EnumerateArray());
        Assert.Equal("multivaluelist", times.GetProperty("datatype").GetString());
        Assert.Equal(JsonValueKind.Null, times.GetProperty("datatype_description").ValueKind);
        Assert.Equal(["dag", "kvall", "natt"], times.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task AnUnknownServiceJurisdictionOrFormatIsAnOpen311NotFound()
    {
        var client = app.CreateClient();

        var service = await JsonAsync(client, "/open311/v2/services/hittepa.json", HttpStatusCode.NotFound);
        var jurisdiction = await XmlAsync(client, "/open311/v2/services.xml?jurisdiction_id=goteborg.se", HttpStatusCode.NotFound);
        var format = await XmlAsync(client, "/open311/v2/services.csv", HttpStatusCode.NotFound);
        var resource = await JsonAsync(client, "/open311/v2/complaints.json", HttpStatusCode.NotFound);

        Assert.Equal((404, "Det finns ingen tjänst med service_code 'hittepa'."), Error(service));
        Assert.Equal("errors", jurisdiction.Root!.Name.LocalName);
        Assert.Equal("404", jurisdiction.Root.Element("error")!.Element("code")!.Value);
        Assert.StartsWith("jurisdiction_id 'goteborg.se' finns inte här", jurisdiction.Root.Element("error")!.Element("description")!.Value, StringComparison.Ordinal);
        Assert.Equal("Formatet 'csv' finns inte; välj xml eller json.", format.Root!.Element("error")!.Element("description")!.Value);
        Assert.Equal(404, Error(resource).Code);
    }

    [Fact]
    public async Task FilingWithoutAValidApiKeyIsForbiddenAndWritesNothing()
    {
        var client = app.CreateClient();
        var before = await CountAsync();

        var missing = await PostAsync(client, "/open311/v2/requests.json", Form(null, ("service_code", "klotter"), ("lat", Lat), ("long", Lon)));
        var invalid = await PostAsync(client, "/open311/v2/requests.xml", Form("trygg_inte-en-nyckel", ("service_code", "klotter"), ("lat", Lat), ("long", Lon)));

        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal((403, "api_key saknas: en rapport skickas in med en api_key."), Error(JsonDocument.Parse(await missing.Content.ReadAsStringAsync(Token)).RootElement));
        Assert.Equal(HttpStatusCode.Forbidden, invalid.StatusCode);
        Assert.Equal("text/xml", invalid.Content.Headers.ContentType!.MediaType);
        var error = XDocument.Parse(await invalid.Content.ReadAsStringAsync(Token)).Root!.Element("error")!;
        Assert.Equal(("403", "Ogiltig eller återkallad api_key: rapporten är inte mottagen."), (error.Element("code")!.Value, error.Element("description")!.Value));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task AFilingIsRefusedWithSwedishReasonsAndNothingIsWritten()
    {
        var client = app.CreateClient();
        var key = await ApiKeyAsync();
        var before = await CountAsync();

        var unknown = await PostAsync(client, "/open311/v2/requests.json", Form(key, ("service_code", "hittepa"), ("lat", Lat), ("long", Lon)));
        var nowhere = await PostAsync(client, "/open311/v2/requests.json", Form(key, ("service_code", "klotter"), ("description", "Klotter på muren")));
        var identity = await PostAsync(client, "/open311/v2/requests.xml", Form(key, ("service_code", "klotter"), ("lat", Lat), ("long", Lon), ("description", "Det var 19121212-1212 som gjorde det")));
        var comma = await PostAsync(client, "/open311/v2/requests.json", Form(key, ("service_code", "klotter"), ("lat", "59,3884"), ("long", Lon)));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal((404, "Det finns ingen tjänst med koden 'hittepa'."), Error(JsonDocument.Parse(await unknown.Content.ReadAsStringAsync(Token)).RootElement));
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
        Assert.Equal((400, "Ange platsen: en punkt (lat och long), en adress eller ett område."), Error(JsonDocument.Parse(await nowhere.Content.ReadAsStringAsync(Token)).RootElement));
        Assert.Equal(HttpStatusCode.BadRequest, identity.StatusCode);
        var error = XDocument.Parse(await identity.Content.ReadAsStringAsync(Token)).Root!.Element("error")!;
        Assert.Equal("400", error.Element("code")!.Value);
        Assert.StartsWith("Beskrivningen innehåller ett personnummer. Skriv inga personuppgifter", error.Element("description")!.Value, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, comma.StatusCode);
        Assert.Contains("punkt som decimaltecken", Error(JsonDocument.Parse(await comma.Content.ReadAsStringAsync(Token)).RootElement).Description, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task AFiledReportIsPublishedOnlyOnceApprovedAndNeverWithItsContactDetails()
    {
        var client = app.CreateClient();
        var key = await ApiKeyAsync();

        var filed = await PostAsync(client, "/open311/v2/requests.json", Form(key,
            ("service_code", "belysning"), ("lat", Lat), ("long", Lon), ("attribute[typ]", "gatlykta"), ("address_string", "Rinkebytorget 1"),
            ("description", "Lampan vid trappan är släckt"), ("media_url", "https://example.se/lampa.jpg"),
            ("email", "boende@example.se"), ("first_name", "Astrid"), ("last_name", "Lindqvist"), ("phone", "070-123 45 67"),
            ("device_id", "enhet-77"), ("account_id", "konto-42")));
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var answer = Assert.Single(JsonDocument.Parse(await filed.Content.ReadAsStringAsync(Token)).RootElement.EnumerateArray());
        Assert.Equal(["service_request_id", "service_notice", "account_id"], answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal("konto-42", answer.GetProperty("account_id").GetString());
        var id = answer.GetProperty("service_request_id").GetInt64();

        Assert.Empty((await JsonAsync(client, $"/open311/v2/requests.json?service_request_id={id}", HttpStatusCode.OK)).EnumerateArray());
        await JsonAsync(client, $"/open311/v2/requests/{id}.json", HttpStatusCode.NotFound);

        await ModerateAsync(id, new Moderation(Visibility: ModerationState.Approved));
        var xml = await XmlAsync(client, $"/open311/v2/requests/{id}.xml", HttpStatusCode.OK);
        var json = await JsonAsync(client, $"/open311/v2/requests.json?service_code=belysning&status=open", HttpStatusCode.OK);

        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var request = Assert.Single(xml.Root.Elements("request"));
        Assert.Equal(RequestFields, request.Elements().Select(e => e.Name.LocalName));
        Assert.Equal((id.ToString(System.Globalization.CultureInfo.InvariantCulture), "open", "belysning", "Trasig eller saknad belysning", "Rinkebytorget 1", "0180-sd-rinkeby", Lat, Lon),
            (request.Element("service_request_id")!.Value, request.Element("status")!.Value, request.Element("service_code")!.Value, request.Element("service_name")!.Value,
             request.Element("address")!.Value, request.Element("address_id")!.Value, request.Element("lat")!.Value, request.Element("long")!.Value));
        Assert.Equal("Trafiknämnden", request.Element("agency_responsible")!.Value);
        Assert.Matches(@"^2026-11-23T\d\d:\d\d:\d\d\+01:00$", request.Element("requested_datetime")!.Value);
        var listed = Assert.Single(json.EnumerateArray(), r => r.GetProperty("service_request_id").GetInt64() == id);
        Assert.Equal(RequestFields, listed.EnumerateObject().Select(p => p.Name));
        Assert.Equal(59.3884, listed.GetProperty("lat").GetDouble());
        Assert.Equal("Lampan vid trappan är släckt", listed.GetProperty("description").GetString());
        foreach (var body in new[] { xml.ToString(), json.GetRawText() })
        {
            foreach (var contact in new[] { "boende@example.se", "Astrid", "Lindqvist", "070-123", "enhet-77", "konto-42" })
            {
                Assert.DoesNotContain(contact, body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task AnUnsafePlaceIsPublishedOnItsGridCellWithEveryTimeOfDayOfItsMultivaluelist()
    {
        var client = app.CreateClient();
        var key = await ApiKeyAsync();

        var filed = await PostAsync(client, "/open311/v2/requests.xml", Form(key,
            ("service_code", "otrygg-plats"), ("lat", Lat), ("long", Lon), ("address_string", "Rinkebytorget 1"),
            ("attribute[tid][]", "kvall"), ("attribute[tid][]", "natt"), ("description", "Mörkt och öde")));
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var id = long.Parse(XDocument.Parse(await filed.Content.ReadAsStringAsync(Token)).Root!.Element("request")!.Element("service_request_id")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        await ModerateAsync(id, new Moderation(Visibility: ModerationState.Approved));

        var published = Assert.Single((await JsonAsync(client, $"/open311/v2/requests/{id}.json", HttpStatusCode.OK)).EnumerateArray());

        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().CitizenReports.SingleAsync(r => r.Id == id, Token);
        Assert.Equal(["kvall", "natt"], JsonSerializer.Deserialize<Dictionary<string, string[]>>(stored.AttributesJson)!["tid"]);
        Assert.NotEqual(59.3884, published.GetProperty("lat").GetDouble());
        Assert.InRange(published.GetProperty("lat").GetDouble(), 59.3884 - 0.003, 59.3884 + 0.003);
        Assert.Equal("Rinkeby", published.GetProperty("address").GetString());
    }

    [Fact]
    public async Task ATokenGivesItsRequestsId()
    {
        var client = app.CreateClient();
        var id = await FileAsync(client, "skadegorelse");
        await using var scope = app.Services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<AppDbContext>().CitizenReports.Where(r => r.Id == id).Select(r => r.Token).SingleAsync(Token);

        var xml = await XmlAsync(client, $"/open311/v2/tokens/{token}.xml", HttpStatusCode.OK);
        var json = await JsonAsync(client, $"/open311/v2/tokens/{token}.json", HttpStatusCode.OK);
        var unknown = await JsonAsync(client, "/open311/v2/tokens/finnsinte.json", HttpStatusCode.NotFound);

        var request = xml.Root!.Element("request")!;
        Assert.Equal(["service_request_id", "token"], request.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Element("service_request_id")!.Value);
        Assert.Equal((id, token), (json[0].GetProperty("service_request_id").GetInt64(), json[0].GetProperty("token").GetString()));
        Assert.Equal(404, Error(unknown).Code);
    }

    [Fact]
    public async Task RequestsDefaultToTheLast90DaysAndAskedForPeriodsSpanAtMost90Days()
    {
        var client = app.CreateClient();
        var old = await FileAsync(client, "vegetation");
        var recent = await FileAsync(client, "vegetation");
        await ModerateAsync(old, new Moderation(Visibility: ModerationState.Approved));
        await ModerateAsync(recent, new Moderation(Visibility: ModerationState.Approved));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var filedAt = app.Time.GetUtcNow().AddDays(-100);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().CitizenReports.Where(r => r.Id == old)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.RequestedAt, filedAt), Token);
        }

        var byDefault = await IdsAsync(client, "/open311/v2/requests.json?service_code=vegetation");
        var then = await IdsAsync(client, "/open311/v2/requests.json?service_code=vegetation&start_date=2026-08-01T00:00:00Z&end_date=2026-09-01T00:00:00%2B02:00");
        var byIds = await IdsAsync(client, $"/open311/v2/requests.json?service_request_id={old},{recent}&status=closed");
        var tooLong = await JsonAsync(client, "/open311/v2/requests.json?start_date=2026-01-01&end_date=2026-06-01", HttpStatusCode.BadRequest);

        Assert.Contains(recent, byDefault);
        Assert.DoesNotContain(old, byDefault);
        Assert.Equal([old], then.Where(i => i == old || i == recent));
        Assert.Equal([recent, old], byIds);
        Assert.Equal((400, "start_date och end_date får ligga högst 90 dagar isär. Fråga efter en period i taget."), Error(tooLong));
    }

    [Fact]
    public async Task AClosedReportSaysWhyAndIsFoundByStatusAndByUpdatedAfter()
    {
        var client = app.CreateClient();
        var id = await FileAsync(client, "klotter");
        await ModerateAsync(id, new Moderation(Visibility: ModerationState.Approved));
        var beforeClosing = app.Time.GetUtcNow();
        app.Time.Advance(TimeSpan.FromSeconds(1));
        await ModerateAsync(id, new Moderation(ReportStatus.NotOurResponsibility, "Muren tillhör bostadsbolaget; vi har skickat rapporten dit.", ResponsibleElsewhere: "Svenska Bostäder"));

        var open = await IdsAsync(client, "/open311/v2/requests.json?service_code=klotter&status=open");
        var closed = await JsonAsync(client, "/open311/v2/requests.json?service_code=klotter&status=closed", HttpStatusCode.OK);
        var since = await IdsAsync(client, $"/open311/v2/requests.json?updated_after={Uri.EscapeDataString(beforeClosing.ToString("O"))}");
        var page = await JsonAsync(client, "/open311/v2/requests.json?service_code=klotter&page=1&page_size=1", HttpStatusCode.OK);
        var badPage = await JsonAsync(client, "/open311/v2/requests.json?page_size=5000", HttpStatusCode.BadRequest);

        Assert.DoesNotContain(id, open);
        var report = Assert.Single(closed.EnumerateArray(), r => r.GetProperty("service_request_id").GetInt64() == id);
        Assert.Equal("closed", report.GetProperty("status").GetString());
        Assert.Equal("Inte kommunens ansvar (Svenska Bostäder): Muren tillhör bostadsbolaget; vi har skickat rapporten dit.", report.GetProperty("status_notes").GetString());
        Assert.Equal("Svenska Bostäder", report.GetProperty("agency_responsible").GetString());
        Assert.Contains(id, since);
        Assert.Equal(id, Assert.Single(page.EnumerateArray()).GetProperty("service_request_id").GetInt64());
        Assert.Equal((400, "page_size ska vara ett heltal från 1 till 1000, inte '5000'."), Error(badPage));
    }

    private async Task<long> FileAsync(HttpClient client, string service)
    {
        var response = await PostAsync(client, "/open311/v2/requests.json", Form(await ApiKeyAsync(), ("service_code", service), ("lat", Lat), ("long", Lon), ("description", "Test av Open311")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement[0].GetProperty("service_request_id").GetInt64();
    }

    private async Task ModerateAsync(long id, Moderation decision)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var revision = await scope.ServiceProvider.GetRequiredService<AppDbContext>().CitizenReports.Where(r => r.Id == id).Select(r => r.Revision).SingleAsync(Token);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<Trygg.CitizenReports.CitizenReports>().ModerateAsync(id, revision, decision, "moderator", Token));
    }

    private async Task<string> ApiKeyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync("Open311-app", Roles.Reader, Token)).Key;
    }

    private async Task<int> CountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().CitizenReports.CountAsync(Token);
    }

    private static FormUrlEncodedContent Form(string? apiKey, params (string Name, string Value)[] fields) =>
        new(fields.Prepend(("api_key", apiKey ?? "")).Where(f => f.Item2.Length > 0).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, FormUrlEncodedContent form) => client.PostAsync(path, form, Token);

    private static async Task<XDocument> XmlAsync(HttpClient client, string path, HttpStatusCode status)
    {
        var response = await client.GetAsync(path, Token);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(status == response.StatusCode, $"{path}: {response.StatusCode} {body}");
        Assert.Equal("text/xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", body, StringComparison.Ordinal);
        return XDocument.Parse(body);
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path, HttpStatusCode status)
    {
        var response = await client.GetAsync(path, Token);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(status == response.StatusCode, $"{path}: {response.StatusCode} {body}");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<List<long>> IdsAsync(HttpClient client, string path) =>
        (await JsonAsync(client, path, HttpStatusCode.OK)).EnumerateArray().Select(r => r.GetProperty("service_request_id").GetInt64()).ToList();

    private static (int Code, string Description) Error(JsonElement errors)
    {
        var error = Assert.Single(errors.EnumerateArray());
        return (error.GetProperty("code").GetInt32(), error.GetProperty("description").GetString()!);
    }
}
