namespace ModelBuild.Cli.Tests.Torchvision;

/// <summary>The torchvision tier's tests share one generated folder (<see cref="TorchvisionFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class TorchvisionCollection : ICollectionFixture<TorchvisionFixture>
{
    public const string Name = "torchvision";
}
