namespace ModelBuild.IntegrationTests;

/// <summary>
/// All end-to-end tests share one packed feed and run one at a time: each runs real builds on a 2-core
/// machine, and parallel builds would only make each slower and the timings noisier.
/// </summary>
[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<PackageFeedFixture>
{
    public const string Name = "ModelBuild package end to end";
}
