using System.Globalization;
using Trygg.Geography;

namespace Trygg.Incidents;

/// <summary>Filters and aggregates over <see cref="IncidentColumns"/>: one pass over plain arrays, in parallel chunks.</summary>
public sealed class IncidentQuery(IncidentColumns columns)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private const int ChunkSize = 1 << 18;

    /// <summary>Counts per group. Every area at <paramref name="level"/> and every category is listed, also with 0;
    /// incidents not placed at that level are counted under an empty key, so that the counts add up to the total.</summary>
    public IReadOnlyList<AggregateRow> Aggregate(IncidentFilter filter, IncidentGrouping by, AreaLevel level = AreaLevel.DistrictArea)
    {
        var compiled = Compile(filter);
        var (groups, groupOf) = Grouping(by, level);
        var totals = new long[groups + 1];
        var chunks = (columns.Count + ChunkSize - 1) / ChunkSize;
        Parallel.For(0, chunks, () => new long[groups + 1], (chunk, _, local) =>
        {
            var end = Math.Min(columns.Count, (chunk + 1) * ChunkSize);
            for (var i = chunk * ChunkSize; i < end; i++)
            {
                if (compiled.Matches(i))
                {
                    var group = groupOf(i);
                    local[group < 0 ? groups : group]++;
                }
            }

            return local;
        }, local =>
        {
            lock (totals)
            {
                for (var g = 0; g < totals.Length; g++)
                {
                    totals[g] += local[g];
                }
            }
        });

        return Rows(by, level, totals);
    }

    /// <summary>How many incidents match.</summary>
    public long Count(IncidentFilter filter) => Aggregate(filter, IncidentGrouping.Category).Sum(r => r.Count);

    /// <summary>The number of matching incidents and the ids of one page of them, newest first.</summary>
    public (int Total, IReadOnlyList<int> Ids) Page(IncidentFilter filter, int page, int pageSize)
    {
        var compiled = Compile(filter);
        var skip = (long)(page - 1) * pageSize;
        var ids = new List<int>(Math.Min(pageSize, 1024));
        var total = 0;
        for (var i = columns.Count - 1; i >= 0; i--)
        {
            if (compiled.Matches(i))
            {
                if (total >= skip && ids.Count < pageSize)
                {
                    ids.Add(columns.Ids[i]);
                }

                total++;
            }
        }

        return (total, ids);
    }

    /// <summary>The positions in the columns of the matching incidents, oldest first.</summary>
    public List<int> Matching(IncidentFilter filter)
    {
        var compiled = Compile(filter);
        var matching = new List<int>();
        for (var i = 0; i < columns.Count; i++)
        {
            if (compiled.Matches(i))
            {
                matching.Add(i);
            }
        }

        return matching;
    }

    /// <summary>The SWEREF 99 TM points of the matching incidents that have one.</summary>
    public (List<double> X, List<double> Y) Points(IncidentFilter filter)
    {
        var compiled = Compile(filter);
        var (x, y) = (new List<double>(), new List<double>());
        for (var i = 0; i < columns.Count; i++)
        {
            if (compiled.Matches(i) && !float.IsNaN(columns.X[i]))
            {
                x.Add(columns.X[i]);
                y.Add(columns.Y[i]);
            }
        }

        return (x, y);
    }

    private CompiledFilter Compile(IncidentFilter filter)
    {
        var from = filter.From is { } f ? IncidentColumns.ToMinutes(f.ToDateTime(TimeOnly.MinValue)) : int.MinValue;
        var to = filter.To is { } t ? IncidentColumns.ToMinutes(t.AddDays(1).ToDateTime(TimeOnly.MinValue)) - 1 : int.MaxValue;

        bool[]? categories = null;
        if (filter.Categories.Count > 0)
        {
            categories = columns.Categories.Select(c => filter.Categories.Contains(c.Code)).ToArray();
        }

        bool[]? areas = null;
        var wanted = filter.AreaCodes.Append(filter.AreaCode).OfType<string>().ToList();
        if (wanted.Count > 0)
        {
            areas = new bool[columns.Areas.Count];
            var targets = columns.Areas.Select((a, i) => (a, i))
                .Where(p => wanted.Contains(p.a.Code, StringComparer.OrdinalIgnoreCase)).Select(p => p.i).ToHashSet();
            for (var i = 0; i < areas.Length; i++)
            {
                for (var a = (short)i; a >= 0 && !areas[i]; a = columns.ParentIndex[a])
                {
                    areas[i] = targets.Contains(a);
                }
            }
        }

        var source = filter.Source is null ? -1 : IndexOf(columns.Sources, filter.Source);
        return new CompiledFilter(columns, from, to, categories, areas, filter.Source is null ? -1 : source < 0 ? int.MaxValue : source, (byte)(filter.MinAccuracy ?? LocationAccuracy.County));
    }

    private (int Groups, Func<int, int> GroupOf) Grouping(IncidentGrouping by, AreaLevel level)
    {
        switch (by)
        {
            case IncidentGrouping.Area:
                var ancestor = new short[columns.Areas.Count];
                for (var i = 0; i < ancestor.Length; i++)
                {
                    ancestor[i] = -1;
                    for (var a = (short)i; a >= 0; a = columns.ParentIndex[a])
                    {
                        if (columns.Areas[a].Level == level)
                        {
                            ancestor[i] = a;
                            break;
                        }
                    }
                }

                return (columns.Areas.Count, i => columns.Area[i] < 0 ? -1 : ancestor[columns.Area[i]]);
            case IncidentGrouping.Category:
                return (columns.Categories.Count, i => columns.Category[i]);
            case IncidentGrouping.Month:
                return (101 * 12, i => MonthIndex(IncidentColumns.MonthKeyOfDay[columns.Minutes[i] / 1440]));
            case IncidentGrouping.Week:
                return (101 * 53, i => WeekIndex(IncidentColumns.IsoWeekKeyOfDay[columns.Minutes[i] / 1440]));
            case IncidentGrouping.WeekdayHour:
                return (7 * 24, i => (Weekday(columns.Minutes[i] / 1440) * 24) + (columns.Minutes[i] / 60 % 24));
            default:
                throw new ArgumentOutOfRangeException(nameof(by));
        }
    }

    private List<AggregateRow> Rows(IncidentGrouping by, AreaLevel level, long[] totals)
    {
        var rows = new List<AggregateRow>();
        var unplaced = totals[^1];
        switch (by)
        {
            case IncidentGrouping.Area:
                for (var i = 0; i < columns.Areas.Count; i++)
                {
                    var area = columns.Areas[i];
                    if (area.Level == level && area.ValidTo is null)
                    {
                        rows.Add(new AggregateRow(area.Code, area.Name, totals[i]));
                    }
                }

                rows.Sort((a, b) => AreaDirectory.SwedishOrder.Compare(a.Label, b.Label));
                break;
            case IncidentGrouping.Category:
                rows.AddRange(columns.Categories.Select((c, i) => new AggregateRow(c.Code, c.Name, totals[i])));
                break;
            case IncidentGrouping.WeekdayHour:
                for (var g = 0; g < 7 * 24; g++)
                {
                    var day = Swedish.DateTimeFormat.GetDayName((DayOfWeek)((g / 24) + 1 == 7 ? 0 : (g / 24) + 1));
                    rows.Add(new AggregateRow(
                        string.Create(CultureInfo.InvariantCulture, $"{(g / 24) + 1}-{g % 24:00}"),
                        string.Create(CultureInfo.InvariantCulture, $"{day} {g % 24:00}–{(g % 24) + 1:00}"),
                        totals[g]));
                }

                break;
            case IncidentGrouping.Month:
            case IncidentGrouping.Week:
                var used = Enumerable.Range(0, totals.Length - 1).Where(g => totals[g] > 0).ToList();
                if (used.Count > 0)
                {
                    for (var g = used[0]; g <= used[^1]; g++)
                    {
                        rows.Add(by == IncidentGrouping.Month ? MonthRow(g, totals[g]) : WeekRow(g, totals[g]));
                    }
                }

                break;
        }

        if (unplaced > 0)
        {
            rows.Add(new AggregateRow("", by == IncidentGrouping.Area ? "Ej placerade på denna nivå" : "Okänd", unplaced));
        }

        return rows;
    }

    private static AggregateRow MonthRow(int index, long count)
    {
        var month = new DateTime(2000 + (index / 12), (index % 12) + 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new AggregateRow(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), month.ToString("MMMM yyyy", Swedish), count);
    }

    private static AggregateRow WeekRow(int index, long count)
    {
        var (year, week) = (2000 + (index / 53), (index % 53) + 1);
        return new AggregateRow(
            string.Create(CultureInfo.InvariantCulture, $"{year}-W{week:00}"),
            string.Create(CultureInfo.InvariantCulture, $"v. {week} {year}"),
            count);
    }

    private static int MonthIndex(int key) => ((key / 100) - 2000) * 12 + (key % 100) - 1;

    private static int WeekIndex(int key) => ((key / 100) - 2000) * 53 + (key % 100) - 1;

    /// <summary>Monday 0 … Sunday 6; day 0 (1 January 2000) was a Saturday.</summary>
    private static int Weekday(int day) => (day + 5) % 7;

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private readonly record struct CompiledFilter(
        IncidentColumns Columns, int From, int To, bool[]? Categories, bool[]? Areas, int Source, byte MaxAccuracy)
    {
        public bool Matches(int i)
        {
            var minute = Columns.Minutes[i];
            if (minute < From || minute > To || Columns.Accuracy[i] > MaxAccuracy)
            {
                return false;
            }

            if (Source >= 0 && Columns.Source[i] != Source)
            {
                return false;
            }

            if (Categories is not null && !Categories[Columns.Category[i]])
            {
                return false;
            }

            if (Areas is not null)
            {
                var area = Columns.Area[i];
                return area >= 0 && Areas[area];
            }

            return true;
        }
    }
}

/// <summary>One group of an aggregation: a stable key, a Swedish label and the number of incidents.</summary>
public sealed record AggregateRow(string Key, string Label, long Count);
