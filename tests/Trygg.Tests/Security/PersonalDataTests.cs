using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Problems;
using Trygg.Security;

namespace Trygg.Tests.Security;

/// <summary>
/// The personal-data guard on a corpus of valid, invalid and tricky numbers (the Luhn digits computed by hand, see the comments),
/// and the guard behind every save: a free-text field is refused per field in the form and, on any other path, by the database.
/// </summary>
[Collection(DemoApp.Name)]
public sealed class PersonalDataTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Anmälan gäller 19811218-9876.", "ett personnummer")] // 811218987 → check digit 6
    [InlineData("Pnr 811218-9876 i ärendet", "ett personnummer")]
    [InlineData("8112189876", "ett personnummer")]
    [InlineData("Född 811218+9876, över hundra år", "ett personnummer")]
    [InlineData("20121212-1212", "ett personnummer")] // 121212121 → 2
    [InlineData("Flickan 121212 1212 hördes", "ett personnummer")]
    [InlineData("Samordningsnummer 701063-2391", "ett samordningsnummer")] // day 63 = 3rd; 701063239 → 1
    [InlineData("000101-1238", "ett personnummer")] // 1 January 2000 or 1900; 000101123 → 8
    [InlineData("Skriv till anna.svensson@stockholm.se", "en e-postadress")]
    [InlineData("Ring 070-123 45 67", "ett telefonnummer")]
    [InlineData("Mobil 0701234567", "ett telefonnummer")]
    [InlineData("+46 70 123 45 67", "ett telefonnummer")]
    [InlineData("Växel 08-508 000 00", "ett telefonnummer")]
    [InlineData("Tel. 031-123456", "ett telefonnummer")]
    public void PersonalDataIsFoundAndNamed(string text, string kind) => Assert.Equal(kind, PersonalData.Find(text));

    [Theory]
    [InlineData("811218-9875")] // wrong check digit
    [InlineData("850230-1230")] // 30 February does not exist, though the check digit fits
    [InlineData("901301-1235")] // month 13
    [InlineData("701093-2395")] // coordination day 93 − 60 = 33
    [InlineData("Stockholms stad, org.nr 212000-0142")] // an organisation number: month 20, check digit fits
    [InlineData("Dnr KS 2024/1234 och 2024/1235")]
    [InlineData("Mötet 2024-05-12 kl 18.30")]
    [InlineData("Budget 1 250 000 kr, 4 800 timmar")]
    [InlineData("Område 0180-sd-rinkeby och 0180C1090")]
    [InlineData("Larma 112, polisen 114 14")]
    [InlineData("Gatan @ torget")]
    [InlineData("")]
    public void OrdinaryNumbersAndTextPass(string text) => Assert.Null(PersonalData.Find(text));

    [Fact]
    public void EveryLongTextColumnIsCheckedOrSaysWhyNot()
    {
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;

        var unclassified = model.GetEntityTypes()
            .SelectMany(entity => entity.GetProperties()
                .Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is null or > 300)
                .Select(p => (Type: entity.ClrType, p.Name)))
            .Where(p => !(PersonalDataGuard.Fields.TryGetValue(p.Type, out var fields) && fields.Contains(p.Name)))
            .Where(p => !PersonalDataGuard.NotFreeText.Keys.Any(key => Exempts(key, p.Type, p.Name)))
            .Select(p => $"{p.Type.Name}.{p.Name}")
            .ToList();

        Assert.True(unclassified.Count == 0, "Långa textfält som varken kontrolleras eller är undantagna: " + string.Join(", ", unclassified));
    }

    [Fact]
    public async Task AProblemFormSaysWhichFieldHoldsANumberAndSavesNothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<ProblemWork>();

        var (problem, errors) = await work.CreateProblemAsync(new ProblemInput("Oro vid Tensta centrum", "Anmälaren 811218-9876 känner sig förföljd"), "analytiker", Token);

        Assert.Null(problem);
        Assert.Equal("Texten innehåller ett personnummer. Skriv inga personuppgifter.", errors["description"]);
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Problems.AnyAsync(p => p.Title == "Oro vid Tensta centrum", Token));
    }

    [Fact]
    public async Task ASaveThatBypassesTheFormsIsRefusedWhole()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Problems.Add(new Problem { Title = "Skadegörelse vid Husby gård", CreatedBy = "analytiker" });
        db.Problems.Add(new Problem { Title = "Hot mot butikspersonal", Description = "Kontakta butikschefen på 070-765 43 21", CreatedBy = "analytiker" });

        var refused = await Assert.ThrowsAsync<PersonalDataException>(() => db.SaveChangesAsync(Token));

        Assert.Contains("Problem.Description innehåller ett telefonnummer", refused.Message, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        Assert.False(await db.Problems.AnyAsync(p => p.Title == "Skadegörelse vid Husby gård" || p.Title == "Hot mot butikspersonal", Token));
    }

    /// <summary>An exemption names an entity ("Incident"), a property ("Agreement.Signatories") or a name ending ("Json").</summary>
    private static bool Exempts(string key, Type type, string property) =>
        key == type.Name || key == $"{type.Name}.{property}" || property.EndsWith(key, StringComparison.Ordinal)
        || (key == "Identity" && (type.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) ?? false));
}
