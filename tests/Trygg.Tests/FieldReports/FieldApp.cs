namespace Trygg.Tests.FieldReports;

/// <summary>
/// The field tests' own host with the demo data. Every field report and walk point is an incident, and a walk point can become a
/// measure of the demo plan: on the shared demo host they would change what other tests count (indicators, trends, the plan's gaps).
/// </summary>
[CollectionDefinition(Name)]
public sealed class FieldApp : ICollectionFixture<TryggApp>
{
    public const string Name = "Field app";
}
