namespace Trygg;

/// <summary>
/// The decision that adopts a lägesbild or an åtgärdsplan: which body adopted it, when and under which diary number. Both
/// are checked by the same rule, so a decision is recorded the same way whatever it adopts.
/// </summary>
public static class Adoption
{
    /// <summary>What is wrong with the decision, per field (status, committee, adoptedOn, diaryNumber); empty when it can be recorded.</summary>
    public static Dictionary<string, string> Validate(bool alreadyAdopted, string? committee, DateOnly? adoptedOn, string? diaryNumber, DateOnly today, string what)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (alreadyAdopted)
        {
            errors["status"] = "Versionen är redan antagen.";
        }

        if (string.IsNullOrWhiteSpace(committee))
        {
            errors["committee"] = $"Ange vilket organ som antog {what}, t.ex. Järva stadsdelsnämnd.";
        }

        if (adoptedOn is null)
        {
            errors["adoptedOn"] = "Ange datum för beslutet.";
        }
        else if (adoptedOn > today)
        {
            errors["adoptedOn"] = "Beslutsdatumet ligger i framtiden.";
        }

        if (string.IsNullOrWhiteSpace(diaryNumber))
        {
            errors["diaryNumber"] = "Ange diarienumret, t.ex. JÄR 2026/123.";
        }

        return errors;
    }
}
