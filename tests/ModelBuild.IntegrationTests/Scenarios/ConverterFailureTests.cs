namespace ModelBuild.IntegrationTests.Scenarios;

/// <summary>What a user sees when the converter fails: its own MBLD error, or an MBLD9xxx with its last output.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ConverterFailureTests(PackageFeedFixture feed)
{
    private ConsumerProject OneModel(string mode)
    {
        var project = ConsumerProject.Create(feed, "failing")
            .Model("models/net.onnx", "mlp/mlp.onnx")
            .Item("<ModelAsset Include=\"models/net.onnx\" />")
            .Save();
        project.Environment["MODELBUILD_FAKE_MODE"] = mode;
        return project;
    }

    [Fact]
    public void Build_WhenConverterCrashes_ReportsMbld9101WithItsOutput()
    {
        var build = OneModel("crash").Build();

        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Errors);
        Assert.Equal("MBLD9101", error.Code);
        Assert.Contains("fake converter crash requested", error.Text);
        Assert.EndsWith("net.onnx", error.File);
    }

    [Fact]
    public void Build_WhenConverterHangs_StopsItAndReportsMbld9102()
    {
        var build = OneModel("hang").Build("-p:ModelBuildConvertTimeoutSeconds=3");

        Assert.False(build.Succeeded);
        Assert.Contains("MBLD9102", build.ErrorCodes);
        Assert.True(build.Result.Elapsed < TimeSpan.FromMinutes(2), build.ToString());
    }

    [Fact]
    public void Build_WhenGateFails_ForwardsTheConvertersErrorUnchanged()
    {
        var project = OneModel("gate-fail");

        var build = project.Build();

        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Errors);
        Assert.Equal("MBLD3001", error.Code);
        Assert.EndsWith("net.onnx", error.File);
        Assert.False(File.Exists(Path.Combine(project.Directory, "obj", "modelbuild", "Net", "net.onnx")));
    }

    [Fact]
    public void Build_WhenNearMissAndWarnAsError_FailsOnMbld3006()
    {
        var project = OneModel("near-miss");

        var lenient = project.Build();
        Assert.True(lenient.Succeeded, lenient.ToString());
        Assert.Contains(lenient.Warnings, w => w.Code == "MBLD3006");

        File.SetLastWriteTimeUtc(Path.Combine(project.Directory, "models", "net.onnx"), DateTime.UtcNow);
        var strict = project.Build("-warnaserror:MBLD3006");
        Assert.False(strict.Succeeded);
        Assert.Contains("MBLD3006", strict.ErrorCodes);
    }
}
