using System.Globalization;
using System.Text.Json;

namespace Trygg.Indicators;

/// <summary>
/// Reads a statistics table as PxWeb answers it: JSON-stat 2.0 (v2's default, v1 with "json-stat2"; any dimension order,
/// categories by index object or array, sparse or dense values and status) or PxWeb v1's plain "json" (columns, data rows),
/// which v1 answers unless asked otherwise. Refuses anything else with a reason in Swedish (<see cref="InvalidDataException"/>).
/// </summary>
/// <remarks>Format: https://json-stat.org/full/ (version 2.0); the value array is row-major over <c>id</c>, the last dimension fastest.</remarks>
public static class JsonStat
{
    public static StatTable Read(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Svaret är inte giltig JSON (trasigt eller avkortat): {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("Svaret är varken JSON-stat 2.0 eller PxWebs json-format: det är inget JSON-objekt.");
            }

            if (root.TryGetProperty("columns", out _) && root.TryGetProperty("data", out _))
            {
                return ReadPxWebJson(root);
            }

            if (root.TryGetProperty("id", out _) && root.TryGetProperty("dimension", out _))
            {
                return ReadJsonStat2(root);
            }

            if (root.TryGetProperty("dataset", out _))
            {
                throw new InvalidDataException("Svaret är JSON-stat version 1, som inte läses. Be om formatet json-stat2.");
            }

            throw new InvalidDataException("Svaret är varken JSON-stat 2.0 eller PxWebs json-format: det saknar både \"id\"/\"dimension\" och \"columns\"/\"data\".");
        }
    }

    private static StatTable ReadJsonStat2(JsonElement root)
    {
        var ids = Strings(Required(root, "id"), "id");
        var sizes = Required(root, "size").EnumerateArray().Select(s => s.GetInt32()).ToArray();
        if (sizes.Length != ids.Count)
        {
            throw Broken($"\"id\" har {ids.Count} dimensioner men \"size\" {sizes.Length}.");
        }

        var roles = Roles(root);
        var dimensions = new List<StatDimension>(ids.Count);
        for (var d = 0; d < ids.Count; d++)
        {
            if (!Required(root, "dimension").TryGetProperty(ids[d], out var dimension))
            {
                throw Broken($"dimensionen '{ids[d]}' finns i \"id\" men beskrivs inte under \"dimension\".");
            }

            var categories = Categories(ids[d], dimension);
            if (categories.Count != sizes[d])
            {
                throw Broken($"dimensionen '{ids[d]}' har {categories.Count} kategorier men storleken {sizes[d]}.");
            }

            dimensions.Add(new StatDimension(ids[d], Text(dimension, "label") ?? ids[d], roles.GetValueOrDefault(ids[d], StatRole.Other), categories, EliminationCode(dimension)));
        }

        var count = sizes.Aggregate(1L, (product, size) => product * size);
        var values = Values(Required(root, "value"), count);
        var status = Status(root, count);
        var cells = new List<StatCell>((int)count);
        for (var index = 0; index < count; index++)
        {
            var position = new int[sizes.Length];
            var rest = index;
            for (var d = sizes.Length - 1; d >= 0; d--)
            {
                position[d] = rest % sizes[d];
                rest /= sizes[d];
            }

            cells.Add(new StatCell(index + 1, position, values[index], status?[index]));
        }

        return new StatTable(Text(root, "label") ?? "", Text(root, "source") ?? "", dimensions, cells);
    }

    private static StatTable ReadPxWebJson(JsonElement root)
    {
        var columns = Required(root, "columns").EnumerateArray()
            .Select(c => (Code: Text(c, "code") ?? throw Broken("en kolumn saknar \"code\"."), Label: Text(c, "text") ?? "", Type: Text(c, "type") ?? "d"))
            .ToList();
        var keyColumns = columns.Where(c => c.Type != "c").ToList();
        var contents = columns.Where(c => c.Type == "c").ToList();
        if (contents.Count == 0)
        {
            throw Broken("inga kolumner med tabellinnehåll (typ \"c\").");
        }

        var categories = keyColumns.Select(_ => new List<string>()).ToList();
        var positions = keyColumns.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToList();
        var cells = new List<StatCell>();
        var row = 0;
        foreach (var data in Required(root, "data").EnumerateArray())
        {
            row++;
            var key = Strings(Required(data, "key"), "key");
            var rowValues = Required(data, "values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()).ToList();
            if (key.Count != keyColumns.Count || rowValues.Count != contents.Count)
            {
                throw Broken($"rad {row} har {key.Count} nycklar och {rowValues.Count} värden, kolumnerna säger {keyColumns.Count} och {contents.Count}.");
            }

            var position = new int[keyColumns.Count + 1];
            for (var d = 0; d < key.Count; d++)
            {
                if (!positions[d].TryGetValue(key[d], out var p))
                {
                    p = positions[d][key[d]] = categories[d].Count;
                    categories[d].Add(key[d]);
                }

                position[d] = p;
            }

            for (var c = 0; c < contents.Count; c++)
            {
                var cellPosition = (int[])position.Clone();
                cellPosition[^1] = c;
                var number = ParseNumber(rowValues[c]);
                cells.Add(new StatCell(cells.Count + 1, cellPosition, number, number is null ? rowValues[c] : null));
            }
        }

        var dimensions = keyColumns
            .Select((c, d) => new StatDimension(c.Code, c.Label, c.Type == "t" ? StatRole.Time : StatRole.Other, categories[d].Select(code => new StatCategory(code, code)).ToList(), null))
            .Append(new StatDimension(ContentsCode, "tabellinnehåll", StatRole.Metric, contents.Select(c => new StatCategory(c.Code, c.Label)).ToList(), null))
            .ToList();
        var label = root.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Array && metadata.GetArrayLength() > 0
            ? Text(metadata[0], "label") ?? "" : "";
        var source = metadata.ValueKind == JsonValueKind.Array && metadata.GetArrayLength() > 0 ? Text(metadata[0], "source") ?? "" : "";
        return new StatTable(label, source, dimensions, cells);
    }

    /// <summary>The name PxWeb gives the dimension of what a table holds; v1's json has its contents as columns instead.</summary>
    public const string ContentsCode = "ContentsCode";

    private static List<StatCategory> Categories(string id, JsonElement dimension)
    {
        var category = Required(dimension, "category");
        var labels = category.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.Object
            ? l.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? p.Name, StringComparer.Ordinal)
            : [];
        string[] codes;
        if (category.TryGetProperty("index", out var index))
        {
            codes = index.ValueKind switch
            {
                JsonValueKind.Array => index.EnumerateArray().Select(c => c.GetString() ?? "").ToArray(),
                JsonValueKind.Object => ByPosition(id, index),
                _ => throw Broken($"dimensionen '{id}' har ett \"index\" som varken är lista eller objekt."),
            };
        }
        else if (labels.Count == 1)
        {
            // JSON-stat lets a dimension of one category leave out its index.
            codes = [labels.Keys.Single()];
        }
        else
        {
            throw Broken($"dimensionen '{id}' saknar \"index\".");
        }

        return codes.Select(c => new StatCategory(c, labels.GetValueOrDefault(c, c))).ToList();
    }

    private static string[] ByPosition(string id, JsonElement index)
    {
        var entries = index.EnumerateObject().ToList();
        var codes = new string[entries.Count];
        foreach (var entry in entries)
        {
            var at = entry.Value.GetInt32();
            if (at < 0 || at >= codes.Length || codes[at] is not null)
            {
                throw Broken($"dimensionen '{id}' har ett index ({at}) som är utanför listan eller förekommer två gånger.");
            }

            codes[at] = entry.Name;
        }

        return codes;
    }

    private static double?[] Values(JsonElement value, long count)
    {
        var values = new double?[count];
        if (value.ValueKind == JsonValueKind.Array)
        {
            if (value.GetArrayLength() != count)
            {
                throw Broken($"dimensionernas storlekar ger {count} celler men \"value\" har {value.GetArrayLength()} (avkortat svar?).");
            }

            var i = 0;
            foreach (var v in value.EnumerateArray())
            {
                values[i++] = Number(v);
            }
        }
        else if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in value.EnumerateObject())
            {
                values[CellIndex(entry.Name, count)] = Number(entry.Value);
            }
        }
        else
        {
            throw Broken("\"value\" är varken lista eller objekt.");
        }

        return values;
    }

    private static string?[]? Status(JsonElement root, long count)
    {
        if (!root.TryGetProperty("status", out var status) || status.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var result = new string?[count];
        switch (status.ValueKind)
        {
            case JsonValueKind.String:
                Array.Fill(result, status.GetString());
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var s in status.EnumerateArray().Take((int)count))
                {
                    result[i++] = s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                }

                break;
            case JsonValueKind.Object:
                foreach (var entry in status.EnumerateObject())
                {
                    result[CellIndex(entry.Name, count)] = entry.Value.GetString();
                }

                break;
        }

        return result;
    }

    private static Dictionary<string, StatRole> Roles(JsonElement root)
    {
        var roles = new Dictionary<string, StatRole>(StringComparer.Ordinal);
        if (root.TryGetProperty("role", out var role) && role.ValueKind == JsonValueKind.Object)
        {
            foreach (var (name, kind) in new[] { ("time", StatRole.Time), ("metric", StatRole.Metric), ("geo", StatRole.Geo) })
            {
                if (role.TryGetProperty(name, out var members) && members.ValueKind == JsonValueKind.Array)
                {
                    foreach (var member in members.EnumerateArray())
                    {
                        roles[member.GetString() ?? ""] = kind;
                    }
                }
            }
        }

        return roles;
    }

    private static string? EliminationCode(JsonElement dimension) =>
        dimension.TryGetProperty("extension", out var extension) && extension.ValueKind == JsonValueKind.Object
            && extension.TryGetProperty("eliminationValueCode", out var code) && code.ValueKind == JsonValueKind.String
            ? code.GetString() : null;

    private static int CellIndex(string name, long count) =>
        int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < count
            ? index : throw Broken($"cellen '{name}' finns inte i tabellen.");

    private static double? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.Null => null,
        JsonValueKind.String => ParseNumber(value.GetString()),
        _ => throw Broken($"värdet {value.GetRawText()} är inget tal."),
    };

    /// <summary>A number as PxWeb writes it, or null for its symbols of a missing value ("..", "-" …).</summary>
    private static double? ParseNumber(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static JsonElement Required(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : throw Broken($"\"{name}\" saknas.");

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Strings(JsonElement array, string name) =>
        array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToList()
            : throw Broken($"\"{name}\" är ingen lista.");

    private static InvalidDataException Broken(string what) => new($"Tabellen kan inte läsas: {what}");
}

/// <summary>A statistics table: its dimensions in the source's order and one cell per combination of their categories.</summary>
public sealed record StatTable(string Label, string Source, IReadOnlyList<StatDimension> Dimensions, IReadOnlyList<StatCell> Cells)
{
    /// <summary>The dimension with the code, or null.</summary>
    public StatDimension? Dimension(string code) => Dimensions.FirstOrDefault(d => d.Code == code);

    /// <summary>The category of the cell in the dimension with the code.</summary>
    public StatCategory Category(StatCell cell, string code)
    {
        for (var d = 0; d < Dimensions.Count; d++)
        {
            if (Dimensions[d].Code == code)
            {
                return Dimensions[d].Categories[cell.Position[d]];
            }
        }

        throw new KeyNotFoundException(code);
    }
}

/// <summary>A dimension; <see cref="EliminationCode"/> is the category that stands for all (e.g. both sexes), when the source says.</summary>
public sealed record StatDimension(string Code, string Label, StatRole Role, IReadOnlyList<StatCategory> Categories, string? EliminationCode);

public sealed record StatCategory(string Code, string Label);

/// <summary>One value: <see cref="Number"/> counts from 1 in the source's order; <see cref="Position"/> is the category index per dimension.</summary>
public sealed record StatCell(int Number, int[] Position, double? Value, string? Status);

public enum StatRole
{
    Other,
    Time,
    Metric,
    Geo,
}
