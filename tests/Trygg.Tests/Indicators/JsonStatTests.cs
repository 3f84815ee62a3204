using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trygg.Indicators;

namespace Trygg.Tests.Indicators;

public sealed class JsonStatTests
{
    [Fact]
    public void EveryCellOfARecordedTableIsReadWithItsCategoriesWhateverTheOrderOfTheDimensions()
    {
        var original = ScbRecordings.Text(ScbRecordings.Tab6471);
        var expected = CellsFromFile(JsonNode.Parse(original)!);
        var reordered = Reorder(JsonNode.Parse(original)!, ["Tid", "Kon", "ContentsCode", "Region", "Alder"]);

        var asRecorded = Cells(JsonStat.Read(Encoding.UTF8.GetBytes(original)));
        var asReordered = Cells(JsonStat.Read(Encoding.UTF8.GetBytes(reordered.ToJsonString())));

        Assert.Equal(2772, expected.Count);
        Assert.Equal(expected, asRecorded);
        Assert.Equal(expected, asReordered);
    }

    [Fact]
    public void CategoriesGivenAsAnArrayAndSparseValuesWithStatusAreRead()
    {
        const string table = """
            {"version":"2.0","class":"dataset","label":"prov","id":["Tid","Region"],"size":[2,2],
             "role":{"time":["Tid"]},
             "dimension":{"Tid":{"label":"år","category":{"index":["2023","2024"]}},
                          "Region":{"label":"region","category":{"index":["0180","1480"],"label":{"0180":"Stockholm","1480":"Göteborg"}}}},
             "value":{"0":10,"3":40},"status":{"1":".."}}
            """;

        var read = JsonStat.Read(Encoding.UTF8.GetBytes(table));

        Assert.Equal(StatRole.Time, read.Dimension("Tid")!.Role);
        Assert.Equal("Göteborg", read.Dimension("Region")!.Categories[1].Label);
        Assert.Equal([10, null, null, 40], read.Cells.Select(c => c.Value));
        Assert.Equal("..", read.Cells[1].Status);
        Assert.Equal("1480", read.Category(read.Cells[3], "Region").Code);
    }

    [Fact]
    public void PxWebV1sPlainJsonIsReadWithItsContentsAsADimension()
    {
        var file = JsonDocument.Parse(ScbRecordings.Text(ScbRecordings.V1Civilstand)).RootElement;
        var expected = file.GetProperty("data").EnumerateArray()
            .Select(d => (d.GetProperty("key")[0].GetString()!, d.GetProperty("key")[1].GetString()!, double.Parse(d.GetProperty("values")[0].GetString()!, CultureInfo.InvariantCulture)))
            .ToList();

        var read = JsonStat.Read(ScbRecordings.Bytes(ScbRecordings.V1Civilstand));

        Assert.Equal(["Civilstand", "Tid", "ContentsCode"], read.Dimensions.Select(d => d.Code));
        Assert.Equal(StatRole.Time, read.Dimension("Tid")!.Role);
        Assert.Equal(expected, read.Cells.Select(c => (read.Category(c, "Civilstand").Code, read.Category(c, "Tid").Code, c.Value!.Value)));
    }

    [Theory]
    [InlineData("{\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[\"Tid\"],\"size\":[3],\"dimension\":{\"Tid\":{\"category\":{\"index\":[\"2022\",\"2023\",\"2024\"]}}},\"value\":[1,2", "inte giltig JSON")]
    [InlineData("<html>Service Unavailable</html>", "inte giltig JSON")]
    [InlineData("{\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[\"Tid\"],\"size\":[3],\"dimension\":{\"Tid\":{\"category\":{\"index\":[\"2022\",\"2023\",\"2024\"]}}},\"value\":[1,2]}", "\"value\" har 2")]
    [InlineData("{\"hello\":1}", "varken JSON-stat 2.0 eller PxWebs json-format")]
    public void ATruncatedOrForeignBodyIsRefusedWithAReason(string body, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => JsonStat.Read(Encoding.UTF8.GetBytes(body)));

        Assert.Contains(reason, error.Message);
    }

    /// <summary>Each cell as "dimension=code;…" → value, straight from the file's row-major layout.</summary>
    private static Dictionary<string, double?> CellsFromFile(JsonNode table)
    {
        var ids = table["id"]!.AsArray().Select(i => (string)i!).ToList();
        var sizes = table["size"]!.AsArray().Select(s => (int)s!).ToList();
        var codes = ids.Select(id => table["dimension"]![id]!["category"]!["index"]!.AsObject().OrderBy(p => (int)p.Value!).Select(p => p.Key).ToList()).ToList();
        var values = table["value"]!.AsArray();
        var cells = new Dictionary<string, double?>();
        for (var i = 0; i < values.Count; i++)
        {
            var rest = i;
            var parts = new string[ids.Count];
            for (var d = ids.Count - 1; d >= 0; d--)
            {
                parts[d] = $"{ids[d]}={codes[d][rest % sizes[d]]}";
                rest /= sizes[d];
            }

            cells[string.Join(';', parts.Order(StringComparer.Ordinal))] = (double?)values[i];
        }

        return cells;
    }

    private static Dictionary<string, double?> Cells(StatTable table) =>
        table.Cells.ToDictionary(
            c => string.Join(';', table.Dimensions.Select(d => $"{d.Code}={table.Category(c, d.Code).Code}").Order(StringComparer.Ordinal)),
            c => c.Value);

    /// <summary>The same table with its dimensions in another order and the values moved to match.</summary>
    private static JsonNode Reorder(JsonNode table, string[] order)
    {
        var cells = CellsFromFile(table);
        var sizes = order.Select(id => table["dimension"]![id]!["category"]!["index"]!.AsObject().Count).ToArray();
        var codes = order.Select(id => table["dimension"]![id]!["category"]!["index"]!.AsObject().OrderBy(p => (int)p.Value!).Select(p => p.Key).ToList()).ToList();
        var values = new JsonArray();
        var total = sizes.Aggregate(1, (a, b) => a * b);
        for (var i = 0; i < total; i++)
        {
            var rest = i;
            var parts = new string[order.Length];
            for (var d = order.Length - 1; d >= 0; d--)
            {
                parts[d] = $"{order[d]}={codes[d][rest % sizes[d]]}";
                rest /= sizes[d];
            }

            values.Add(cells[string.Join(';', parts.Order(StringComparer.Ordinal))]);
        }

        table["id"] = new JsonArray(order.Select(o => (JsonNode)o).ToArray());
        table["size"] = new JsonArray(sizes.Select(s => (JsonNode)s).ToArray());
        table["value"] = values;
        return table;
    }
}
