namespace ModelBuild.IntegrationTests.Scenarios;

/// <summary>A multi-targeted project converts each model once, in the outer build, and embeds it in every framework's assembly.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class MultiTargetingTests(PackageFeedFixture feed)
{
    [Fact]
    public void Build_WhenMultiTargeted_ConvertsEachModelOnce()
    {
        var project = ConsumerProject.Create(feed, "multi")
            .TargetFrameworks("net8.0;net10.0")
            .Model("models/net.onnx", "mlp/mlp.onnx")
            .Item("<ModelAsset Include=\"models/net.onnx\" />")
            .Program("Console.WriteLine(ModelAssets.Net.ReadAllBytes().Length);")
            .Save();

        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        Assert.Single(project.TakeConverterCalls());
        Assert.Equal(["ModelBuild/Net.onnx"], project.ManifestResources("net8.0"));
        Assert.Equal(["ModelBuild/Net.onnx"], project.ManifestResources("net10.0"));

        // One framework alone (no outer build) finds the shared artifact up to date.
        var single = project.Build("-f", "net8.0");
        Assert.True(single.Succeeded, single.ToString());
        Assert.Empty(project.TakeConverterCalls());
    }
}
