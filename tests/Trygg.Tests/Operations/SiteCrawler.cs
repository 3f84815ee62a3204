using System.Net;
using System.Text.RegularExpressions;

namespace Trygg.Tests.Operations;

/// <summary>
/// Follows the site's own links from the start page as a signed-in person would, a few pages per section, so that checks
/// over "every page" also reach the pages with an id in their address (a plan, a problem, a report) without listing them.
/// </summary>
public static partial class SiteCrawler
{
    public sealed record Page(string Path, HttpResponseMessage Response, string Html);

    public static async Task<IReadOnlyList<Page>> CrawlAsync(HttpClient client, int perSection = 4, int maxPages = 120, params string[] start)
    {
        var queue = new Queue<string>(start.Length > 0 ? start : ["/"]);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var perKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var pages = new List<Page>();
        while (queue.Count > 0 && pages.Count < maxPages)
        {
            var path = queue.Dequeue();
            var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            pages.Add(new Page(path, response, html));
            foreach (Match link in Link().Matches(html))
            {
                var target = WebUtility.HtmlDecode(link.Groups[1].Value).Split('#')[0];
                var key = Section(target);
                if (target.Length == 0 || IsNotAPage(target) || !seen.Add(target) || perKey.GetValueOrDefault(key) >= perSection)
                {
                    continue;
                }

                perKey[key] = perKey.GetValueOrDefault(key) + 1;
                queue.Enqueue(target);
            }
        }

        return pages;
    }

    /// <summary>The address with ids and query left out: /plans/3/measures/7?x=1 and /plans/4/measures/2 are one section.</summary>
    private static string Section(string path) =>
        string.Join('/', path.Split('?')[0].Split('/').Select(segment => segment.Any(char.IsDigit) ? "#" : segment));

    /// <summary>Downloads, API answers and the sign-out are not pages to read.</summary>
    private static bool IsNotAPage(string path) =>
        path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/open311", StringComparison.Ordinal)
        || path.StartsWith("/culture/", StringComparison.Ordinal) || path.StartsWith("/logout", StringComparison.Ordinal)
        || Path.HasExtension(path.Split('?')[0]);

    [GeneratedRegex("href=\"(/(?!/)[^\"]*)\"")]
    private static partial Regex Link();
}
