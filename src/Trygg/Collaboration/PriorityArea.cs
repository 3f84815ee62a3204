namespace Trygg.Collaboration;

/// <summary>A prioritised collaboration area of the city–police agreement (prioriterat samverkansområde).</summary>
public class PriorityArea
{
    public int Id { get; set; }

    public int Number { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }
}
