namespace Trygg.Collaboration;

/// <summary>One of the trygghetsprogram's focus areas (fokusområde).</summary>
public class FocusArea
{
    public int Id { get; set; }

    public int Number { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }
}
