namespace ModelBuild.IntegrationTests.Scenarios;

/// <summary>Bad ModelAsset configuration: one MBLD1xxx error per problem, at the item's line, before any conversion.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ConfigurationErrorTests(PackageFeedFixture feed)
{
    [Fact]
    public void Build_WhenItemsAreMisconfigured_ReportsEachProblemAtTheItemLine()
    {
        var project = ConsumerProject.Create(feed, "badconfig")
            .Model("models/net.onnx", "mlp/mlp.onnx")
            .Item("<ModelAsset Include=\"models/missing.onnx\" />")
            .Item("<ModelAsset Include=\"models/net.onnx\" Targets=\"onnx;tensorflow\" Inputs=\"x float32[1,16]\" Reference=\"models/nope.npz\" />")
            .Save();

        var build = project.Build();

        Assert.False(build.Succeeded);
        Assert.Equal(["MBLD1201", "MBLD1202", "MBLD1203", "MBLD1204"], build.ErrorCodes.Order(StringComparer.Ordinal));
        Assert.All(build.Errors, e => Assert.Equal(project.ProjectFile, e.File));
        var lines = File.ReadAllLines(project.ProjectFile);
        Assert.Contains("missing.onnx", lines[build.Errors.Single(e => e.Code == "MBLD1201").LineNumber - 1]);
        Assert.All(build.Errors.Where(e => e.Code != "MBLD1201"), e => Assert.Contains("net.onnx", lines[e.LineNumber - 1]));
        Assert.Contains("tensorflow", build.Errors.Single(e => e.Code == "MBLD1202").Text);
        Assert.Empty(project.TakeConverterCalls());
    }

    [Fact]
    public void Build_WhenReferenceIsGivenAndPresent_PassesItToTheConverter()
    {
        var project = ConsumerProject.Create(feed, "reference")
            .Model("models/net.onnx", "mlp/mlp.onnx")
            .Model("data/golden.npz", "mlp/mlp.ref.npz")
            .Item("<ModelAsset Include=\"models/net.onnx\" Reference=\"data/golden.npz\" Targets=\"onnx;ort\" Opset=\"17\" Precision=\"fp32\" />")
            .Save();

        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        var call = Assert.Single(project.TakeConverterCalls());
        Assert.Equal(Path.Combine(project.Directory, "data", "golden.npz"), call[Array.IndexOf(call, "--reference") + 1]);
        Assert.Equal("onnx,ort", call[Array.IndexOf(call, "--targets") + 1]);
        // Several targets: -o names the asset's folder, and every artifact is embedded under a stable name.
        Assert.EndsWith("/", call[Array.IndexOf(call, "-o") + 1]);
        Assert.Equal(["ModelBuild/Net.onnx", "ModelBuild/Net.ort"], project.ManifestResources());
    }
}
