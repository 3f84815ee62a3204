namespace Trygg.Incidents;

public enum IncidentGrouping
{
    Area,
    Category,
    Month,
    Week,
    WeekdayHour,
}
