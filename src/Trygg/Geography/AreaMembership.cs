namespace Trygg.Geography;

/// <summary>Membership of an area in a container outside the current hierarchy, e.g. a stadsdel in a historical stadsdelsområde.</summary>
public class AreaMembership
{
    public int ContainerId { get; set; }

    public Area? Container { get; set; }

    public int MemberId { get; set; }

    public Area? Member { get; set; }
}
