using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;

namespace Trygg.Cli.Commands;

/// <summary>
/// <c>trygg bench open311</c>: residents' reports filed through <c>POST /open311/v2/requests.json</c> of a running web host by
/// many clients at once, then checked in the host's database: every acknowledged report must be there and no answer may be a
/// 5xx. Prints the sustained rate and the latencies. bench/open311.sh starts the host on a new SQLite file and runs it.
/// </summary>
public static class BenchOpen311
{
    /// <summary>Places inside Stockholm's stadsdelar (torg and centrum), around which the reports are scattered by up to ~150 m.</summary>
    private static readonly (double Latitude, double Longitude)[] Places =
    [
        (59.3884, 17.9287), // Rinkeby torg
        (59.3325, 18.0645), // Sergels torg
        (59.2770, 17.9070), // Skärholmen centrum
        (59.2433, 18.0930), // Farsta centrum
        (59.3617, 17.8718), // Vällingby centrum
        (59.3150, 18.0720), // Medborgarplatsen
    ];

    /// <summary>Services and their required attributes, as a resident's app would send them.</summary>
    private static readonly (string Code, (string Name, string Value)[] Attributes)[] Services =
    [
        ("belysning", [("attribute[typ]", "gatlykta")]),
        ("klotter", [("attribute[stotande]", "nej")]),
        ("nedskrapning", []),
        ("skadegorelse", []),
        ("vegetation", []),
        ("otrygg-plats", [("attribute[tid][]", "kvall"), ("attribute[tid][]", "natt")]),
    ];

    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Webbvärdens adress, t.ex. http://127.0.0.1:5391.", Required = true };
        var apiKey = new Option<string>("--api-key") { Description = "En API-nyckel (trygg apikeys add).", Required = true };
        var requests = new Option<int>("--requests") { Description = "Antal rapporter att skicka in.", DefaultValueFactory = _ => 50_000 };
        var clients = new Option<int>("--clients") { Description = "Antal samtidiga klienter, var och en med sin HttpClient.", DefaultValueFactory = _ => 48 };
        var command = new Command("open311", "Last: rapporter via Open311 POST requests.json från många klienter; kontrollerar att varje kvitterad rapport finns i databasen.")
        {
            url, apiKey, requests, clients,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(new Uri(parse.GetValue(url)!, UriKind.Absolute), parse.GetValue(apiKey)!, parse.GetValue(requests), parse.GetValue(clients), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Uri host, string apiKey, int count, int clientCount, CancellationToken cancellationToken)
    {
        var endpoint = new Uri(host, "/open311/v2/requests.json");
        var clients = Enumerable.Range(0, clientCount).Select(_ => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })).ToArray();

        // A short warm-up, not counted: the host JIT-compiles and fills its caches on the first requests.
        await SendAsync(clients, endpoint, apiKey, Math.Min(500, count / 10), seed: -1, cancellationToken);

        var watch = Stopwatch.StartNew();
        var results = await SendAsync(clients, endpoint, apiKey, count, seed: 1, cancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;
        foreach (var client in clients)
        {
            client.Dispose();
        }

        var latencies = results.Select(r => r.Milliseconds).Order().ToArray();
        var acknowledged = results.Where(r => r.Id is not null).Select(r => r.Id!.Value).ToList();
        var statuses = results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}: {g.Count():N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"open311: {count:N0} POST requests.json from {clientCount} clients in {seconds:0.0} s: {count / seconds:0} reports/s; latency p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies[^1]:0} ms"));
        Console.WriteLine($"open311: answers {string.Join(", ", statuses)}");
        foreach (var refused in results.Where(r => r.Id is null).GroupBy(r => r.Body).Take(5))
        {
            Console.WriteLine($"open311: {refused.Count():N0} × {refused.First().Status} {refused.Key}");
        }

        var missing = await MissingAsync(acknowledged, cancellationToken);
        var serverErrors = results.Count(r => r.Status >= 500 || r.Status == 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"open311: {acknowledged.Count:N0} acknowledged, {acknowledged.Count - missing:N0} of them in the database, {missing:N0} missing; {serverErrors:N0} server errors"));
        return missing == 0 && serverErrors == 0 && acknowledged.Count == count ? 0 : 1;
    }

    private static async Task<List<Result>> SendAsync(HttpClient[] clients, Uri endpoint, string apiKey, int count, int seed, CancellationToken cancellationToken)
    {
        var results = new ConcurrentBag<Result>();
        var next = -1;
        await Task.WhenAll(clients.Select((client, c) => Task.Run(async () =>
        {
            var random = new Random(HashCode.Combine(seed, c));
            while (Interlocked.Increment(ref next) is var i && i < count)
            {
                using var form = new FormUrlEncodedContent(Report(apiKey, i, random));
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await client.PostAsync(endpoint, form, cancellationToken);
                    var body = await response.Content.ReadAsStringAsync(cancellationToken);
                    var milliseconds = watch.Elapsed.TotalMilliseconds;
                    long? id = response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetInt64() : null;
                    results.Add(new Result((int)response.StatusCode, milliseconds, id, id is null ? body : ""));
                }
                catch (HttpRequestException failed)
                {
                    results.Add(new Result(0, watch.Elapsed.TotalMilliseconds, null, failed.Message));
                }
            }
        }, cancellationToken)));
        return [.. results];
    }

    /// <summary>A report as a resident's app files it: a place near a torg, a description, now and then the contact fields.</summary>
    private static List<KeyValuePair<string, string>> Report(string apiKey, int i, Random random)
    {
        var (latitude, longitude) = Places[random.Next(Places.Length)];
        var (code, attributes) = Services[random.Next(Services.Length)];
        var fields = new List<KeyValuePair<string, string>>
        {
            new("api_key", apiKey),
            new("service_code", code),
            new("lat", (latitude + ((random.NextDouble() - 0.5) * 0.0025)).ToString("R", CultureInfo.InvariantCulture)),
            new("long", (longitude + ((random.NextDouble() - 0.5) * 0.005)).ToString("R", CultureInfo.InvariantCulture)),
            new("description", $"Belastningstest {i}: det här behöver åtgärdas, det har varit så i flera veckor."),
        };
        fields.AddRange(attributes.Select(a => KeyValuePair.Create(a.Name, a.Value)));
        if (i % 4 == 0)
        {
            fields.Add(new("email", $"boende{i}@example.se"));
            fields.Add(new("first_name", "Test"));
        }

        return fields;
    }

    /// <summary>How many of the acknowledged reports the host's database lacks (read with the same settings as the host).</summary>
    private static async Task<int> MissingAsync(List<long> acknowledged, CancellationToken cancellationToken) =>
        await CliHost.RunAsync(async (services, token) =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var found = 0;
            foreach (var chunk in acknowledged.Chunk(1000))
            {
                found += await db.CitizenReports.CountAsync(r => chunk.Contains(r.Id), token);
            }

            return acknowledged.Count - found;
        }, cancellationToken, migrate: false);

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private sealed record Result(int Status, double Milliseconds, long? Id, string Body);
}
