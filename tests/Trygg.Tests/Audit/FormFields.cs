using System.Net;
using System.Text.RegularExpressions;

namespace Trygg.Tests.Audit;

/// <summary>What a browser would post for one form of a page as it was rendered: its inputs, ticked boxes, chosen options and text areas.</summary>
public static partial class FormFields
{
    public static List<KeyValuePair<string, string>> Of(string html, string formName)
    {
        var start = html.IndexOf($"value=\"{formName}\"", StringComparison.Ordinal);
        var formStart = html.LastIndexOf("<form", start, StringComparison.Ordinal);
        var form = html[formStart..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match tag in Input().Matches(form))
        {
            var attributes = Attributes(tag.Value);
            var type = attributes.GetValueOrDefault("type", "text");
            if (attributes.TryGetValue("name", out var name) && (type is not ("checkbox" or "radio") || attributes.ContainsKey("checked")))
            {
                fields.Add(new(name, attributes.GetValueOrDefault("value", "")));
            }
        }

        foreach (Match area in TextArea().Matches(form))
        {
            fields.Add(new(Attributes(area.Groups[1].Value)["name"], WebUtility.HtmlDecode(area.Groups[2].Value)));
        }

        foreach (Match select in Select().Matches(form))
        {
            var chosen = Option().Matches(select.Groups[2].Value).Select(o => Attributes(o.Value)).FirstOrDefault(o => o.ContainsKey("selected"));
            fields.Add(new(Attributes(select.Groups[1].Value)["name"], chosen?.GetValueOrDefault("value", "") ?? ""));
        }

        return fields;
    }

    /// <summary>The fields with one value replaced.</summary>
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string value) =>
        fields.Select(f => f.Key == name ? new KeyValuePair<string, string>(name, value) : f).ToList();

    private static Dictionary<string, string> Attributes(string tag) =>
        Attribute().Matches(tag).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Success ? m.Groups[2].Value : ""), StringComparer.Ordinal);

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("<textarea\\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextArea();

    [GeneratedRegex("<select\\b([^>]*)>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<option\\b[^>]*>")]
    private static partial Regex Option();

    [GeneratedRegex("\\s([\\w.:-]+)(?:=\"([^\"]*)\")?")]
    private static partial Regex Attribute();
}
