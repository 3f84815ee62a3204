namespace Trygg.Indicators;

/// <summary>
/// Withholds cells with fewer respondents than the minimum, and then one more where a single withheld group could be worked out from
/// the total and its other groups (complementary suppression, as Statistics Sweden practises it): if only the girls' cell of an area
/// is withheld, the boys' is withheld too, or the girls' share would follow from the total and the boys'.
/// </summary>
public static class SurveySuppression
{
    public static List<SurveyCell> Apply(IEnumerable<SurveyCell> cells, int minimumN)
    {
        var result = cells.Select(c => c.Suppressed || c.N is not { } n || n < minimumN ? c.Withheld() : c).ToList();
        foreach (var table in result.Select((cell, index) => (cell, index)).GroupBy(x => (x.cell.IndicatorCode, x.cell.AreaCode, x.cell.Period)))
        {
            var total = table.FirstOrDefault(x => x.cell.Whom == "alla");
            if (total.cell is null || total.cell.Suppressed)
            {
                continue;
            }

            var dimensions = new Func<SurveyCell, bool>[]
            {
                c => c.Sex.Length > 0 && c.AgeBand.Length == 0 && c.Group.Length == 0,
                c => c.AgeBand.Length > 0 && c.Sex.Length == 0 && c.Group.Length == 0,
                c => c.Group.Length > 0 && c.Sex.Length == 0 && c.AgeBand.Length == 0,
            };
            foreach (var inDimension in dimensions)
            {
                var groups = table.Where(x => inDimension(x.cell)).ToList();
                var shown = groups.Where(x => !result[x.index].Suppressed).ToList();
                if (groups.Count - shown.Count == 1 && shown.Count > 0)
                {
                    var smallest = shown.MinBy(x => x.cell.N);
                    result[smallest.index] = smallest.cell.Withheld();
                }
            }
        }

        return result;
    }
}
