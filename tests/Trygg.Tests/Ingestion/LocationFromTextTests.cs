using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.VisualBasic.FileIO;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Incidents;
using Trygg.Ingestion;

namespace Trygg.Tests.Ingestion;

/// <summary>
/// Placing police notices from their text, measured on 200 Stockholm notices labelled by hand
/// (Data/polisen-labelled-sample.csv: a seeded random sample, each read and placed by a person, with the reason).
/// </summary>
[Collection(DemoApp.Name)]
public sealed class LocationFromTextTests(TryggApp app)
{
    [Fact]
    public async Task NoticesArePlacedInTheRightStadsdelWithPrecisionOver95AndRecallOver70Percent()
    {
        var locator = await LocatorAsync();
        var sample = LabelledSample();
        int predicted = 0, correct = 0, expected = 0;
        var wrong = new List<string>();
        var missed = new List<string>();
        foreach (var row in sample)
        {
            var placement = locator.Locate(row.Notice, countyOnly: row.Notice.Location!.Name == "Stockholms län");
            var placedInStadsdel = placement.Accuracy == LocationAccuracy.Neighbourhood ? placement.Area!.Name : null;
            var expectedStadsdel = row.ExpectedLevel == "stadsdel" ? row.ExpectedArea : null;
            expected += expectedStadsdel is null ? 0 : 1;
            predicted += placedInStadsdel is null ? 0 : 1;
            if (placedInStadsdel is not null && placedInStadsdel == expectedStadsdel)
            {
                correct++;
            }
            else if (placedInStadsdel is not null)
            {
                wrong.Add($"{row.Notice.Id}: placerad i {placedInStadsdel} ({placement.DecidedBy}), rätt är {row.ExpectedLevel} {row.ExpectedArea}");
            }
            else if (expectedStadsdel is not null)
            {
                missed.Add($"{row.Notice.Id}: väntade {expectedStadsdel}, fick {placement.Accuracy} {placement.Area?.Name} – {row.Notice.Summary}");
            }
        }

        var precision = (double)correct / predicted;
        var recall = (double)correct / expected;
        var figures = string.Create(CultureInfo.InvariantCulture, $"stadsdel: precision {precision:P1} ({correct}/{predicted}), recall {recall:P1} ({correct}/{expected}) on {sample.Count} labelled notices");
        TestContext.Current.TestOutputHelper?.WriteLine(figures);
        Console.WriteLine(figures);
        Assert.True(precision >= 0.95, $"{figures}\nFel plats:\n{string.Join("\n", wrong)}");
        Assert.True(recall >= 0.70, $"{figures}\nMissade:\n{string.Join("\n", missed)}");
    }

    [Fact]
    public async Task NoticesOutsideTheCityAreNeverPlacedInIt()
    {
        var locator = await LocatorAsync();

        var placedOutside = LabelledSample()
            .Where(r => r.ExpectedLevel == "utanfor")
            .Select(r => (r, Placement: locator.Locate(r.Notice, countyOnly: r.Notice.Location!.Name == "Stockholms län")))
            .Where(x => x.Placement.Area is not null && x.Placement.Accuracy is LocationAccuracy.Neighbourhood or LocationAccuracy.DistrictArea)
            .Select(x => $"{x.r.Notice.Id}: {x.Placement.Area!.Name} ({x.Placement.DecidedBy}) – {x.r.Note}")
            .ToList();

        Assert.True(placedOutside.Count <= 1, string.Join("\n", placedOutside));
    }

    private async Task<PolisenLocator> LocatorAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var gazetteer = await Gazetteer.LoadAsync(db, TestContext.Current.CancellationToken);
        var municipality = await db.Areas.AsNoTracking().SingleAsync(a => a.Level == AreaLevel.Municipality, TestContext.Current.CancellationToken);
        return new PolisenLocator(gazetteer, municipality, "Stockholm");
    }

    private static List<LabelledNotice> LabelledSample()
    {
        using var parser = new TextFieldParser(Path.Combine(AppContext.BaseDirectory, "Ingestion", "Data", "polisen-labelled-sample.csv"), System.Text.Encoding.UTF8)
        {
            TextFieldType = FieldType.Delimited,
            Delimiters = [","],
            HasFieldsEnclosedInQuotes = true,
        };
        var header = parser.ReadFields()!;
        var rows = new List<LabelledNotice>();
        while (parser.ReadFields() is { } fields)
        {
            string Field(string name) => fields[Array.IndexOf(header, name)];
            var title = Field("title");
            var type = title.Split(", ").Skip(1).SkipLast(1);
            var notice = new PolisenNotice(
                long.Parse(Field("id"), CultureInfo.InvariantCulture), null, title, Field("summary"), null, string.Join(", ", type),
                new PolisenLocation(Field("location_name"), null));
            rows.Add(new LabelledNotice(notice, Field("expected_level"), Field("expected_area"), Field("note")));
        }

        return rows;
    }

    private sealed record LabelledNotice(PolisenNotice Notice, string ExpectedLevel, string ExpectedArea, string Note);
}
