namespace Trygg.Tests;

/// <summary>Tests in this collection share one host with the demo data loaded: starting one takes seconds, so they are not started per test.</summary>
[CollectionDefinition(Name)]
public sealed class DemoApp : ICollectionFixture<TryggApp>
{
    public const string Name = "Demo app";
}
