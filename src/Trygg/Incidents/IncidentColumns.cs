using Trygg.Geography;

namespace Trygg.Incidents;

/// <summary>
/// All incidents as columns in memory, ordered by time: 22 bytes an incident. An immutable snapshot; the store swaps in a new
/// one when the data changes. Times are Swedish wall-clock minutes since 2000-01-01, so that month, week, weekday and hour are
/// table look-ups, not time-zone conversions.
/// </summary>
public sealed class IncidentColumns
{
    public static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    private const int Days = 36_890; // to 2100

    internal static readonly int[] MonthKeyOfDay = new int[Days];
    internal static readonly int[] IsoWeekKeyOfDay = new int[Days];

    static IncidentColumns()
    {
        for (var day = 0; day < Days; day++)
        {
            var date = Epoch.AddDays(day);
            MonthKeyOfDay[day] = (date.Year * 100) + date.Month;
            IsoWeekKeyOfDay[day] = (System.Globalization.ISOWeek.GetYear(date) * 100) + System.Globalization.ISOWeek.GetWeekOfYear(date);
        }
    }

    /// <summary>Columns for <paramref name="count"/> incidents, to be filled by the loader before the snapshot is shared.</summary>
    public IncidentColumns(int count, IReadOnlyList<AreaSummary> areas, IReadOnlyList<IncidentCategory> categories, IReadOnlyList<string> sources, long version)
    {
        Ids = new int[count];
        Minutes = new int[count];
        X = new float[count];
        Y = new float[count];
        Area = new short[count];
        Category = new byte[count];
        Source = new byte[count];
        Accuracy = new byte[count];
        Areas = areas;
        Categories = categories;
        Sources = sources;
        Version = version;
        AreaIndex = areas.Select((a, i) => (a.Id, i)).ToDictionary(p => p.Id, p => (short)p.i);
        ParentIndex = areas.Select(a => a.ParentId is { } parent && AreaIndex.TryGetValue(parent, out var p) ? p : (short)-1).ToArray();
    }

    public int Count => Ids.Length;

    /// <summary>The first <paramref name="count"/> incidents, for a loader that found fewer than it made room for.</summary>
    public IncidentColumns Truncate(int count)
    {
        var copy = new IncidentColumns(count, Areas, Categories, Sources, Version);
        Array.Copy(Ids, copy.Ids, count);
        Array.Copy(Minutes, copy.Minutes, count);
        Array.Copy(X, copy.X, count);
        Array.Copy(Y, copy.Y, count);
        Array.Copy(Area, copy.Area, count);
        Array.Copy(Category, copy.Category, count);
        Array.Copy(Source, copy.Source, count);
        Array.Copy(Accuracy, copy.Accuracy, count);
        return copy;
    }

    /// <summary>The incident's database id.</summary>
    public int[] Ids { get; }

    /// <summary>Swedish wall-clock minutes since <see cref="Epoch"/>.</summary>
    public int[] Minutes { get; }

    /// <summary>SWEREF 99 TM easting in metres; NaN without a point.</summary>
    public float[] X { get; }

    public float[] Y { get; }

    /// <summary>Index into <see cref="Areas"/> of the most precise area; -1 when placed in none.</summary>
    public short[] Area { get; }

    /// <summary>Index into <see cref="Categories"/>.</summary>
    public byte[] Category { get; }

    /// <summary>Index into <see cref="Sources"/>.</summary>
    public byte[] Source { get; }

    /// <summary>A <see cref="LocationAccuracy"/> value.</summary>
    public byte[] Accuracy { get; }

    public IReadOnlyList<AreaSummary> Areas { get; }

    public IReadOnlyList<IncidentCategory> Categories { get; }

    public IReadOnlyList<string> Sources { get; }

    /// <summary>The <see cref="Data.DataVersion.Incidents"/> version it was loaded at.</summary>
    public long Version { get; }

    public Dictionary<int, short> AreaIndex { get; }

    public short[] ParentIndex { get; }

    /// <summary>Bytes held per incident by the columns.</summary>
    public static int BytesPerIncident => sizeof(int) + sizeof(int) + sizeof(float) + sizeof(float) + sizeof(short) + (3 * sizeof(byte));

    public static int ToMinutes(DateTime swedishWallClock) => (int)((swedishWallClock - Epoch).Ticks / TimeSpan.TicksPerMinute);

    public static DateTime FromMinutes(int minutes) => Epoch.AddMinutes(minutes);
}
