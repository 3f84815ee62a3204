namespace Trygg;

/// <summary>Swedish local time (Europe/Stockholm): how people and sources state times. Stored times are UTC.</summary>
public static class SwedishTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>Today's date in Sweden.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(ToLocal(time.GetUtcNow().UtcDateTime));

    public static DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);
}
