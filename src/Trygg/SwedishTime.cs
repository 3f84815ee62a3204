namespace Trygg;

/// <summary>Swedish local time (Europe/Stockholm): how people and sources state times. Stored times are UTC.</summary>
public static class SwedishTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>Today's date in Sweden.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(ToLocal(time.GetUtcNow().UtcDateTime));

    /// <summary>
    /// UTC of a Swedish wall-clock time. A time in the hour skipped when the clocks go forward (02:00–03:00 on the last Sunday of
    /// March) does not exist, yet files hold them (a clock not yet changed): it is read with the offset before the change rather
    /// than thrown on, which refused whole imports.
    /// </summary>
    public static DateTime ToUtc(DateTime local)
    {
        var wallClock = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return Zone.IsInvalidTime(wallClock)
            ? DateTime.SpecifyKind(wallClock - Zone.BaseUtcOffset, DateTimeKind.Utc)
            : TimeZoneInfo.ConvertTimeToUtc(wallClock, Zone);
    }
}
