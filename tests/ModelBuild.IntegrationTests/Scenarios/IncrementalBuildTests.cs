namespace ModelBuild.IntegrationTests.Scenarios;

/// <summary>The incremental rules of issue 3, point 3, against the fake converter.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class IncrementalBuildTests(PackageFeedFixture feed)
{
    private ConsumerProject TwoModels() => ConsumerProject.Create(feed, "twomodels")
        .Model("models/first.onnx", "mlp/mlp.onnx")
        .Model("models/second.onnx", "cnn/cnn.onnx")
        .Item("<ModelAsset Include=\"models/first.onnx\" Inputs=\"x: float32[batch,16]\" />")
        .Item("<ModelAsset Include=\"models/second.onnx\" />")
        .Program("""
            Console.WriteLine($"{ModelAssets.First.ResourceName} {ModelAssets.First.ReadAllBytes().Length} {string.Join(";", ModelAssets.First.Inputs)} -> {string.Join(";", ModelAssets.First.OutputNames)}");
            Console.WriteLine($"{ModelAssets.Second.ResourceName} {ModelAssets.Second.ReadAllBytes().Length}");
            """)
        .Save();

    [Fact]
    public void Build_WhenRepeatedAndEdited_ConvertsOnlyWhatChanged()
    {
        var project = TwoModels();

        // First build: both convert, both are embedded, the accessor reads them back.
        var first = project.Build();
        Assert.True(first.Succeeded, first.ToString());
        var calls = project.TakeConverterCalls();
        Assert.Equal(2, calls.Count);
        var firstCall = calls.Single(c => c[1].EndsWith("first.onnx", StringComparison.Ordinal));
        Assert.Equal("convert", firstCall[0]);
        Assert.Contains("x: float32[batch,16]", firstCall);
        Assert.Equal(["ModelBuild/First.onnx", "ModelBuild/Second.onnx"], project.ManifestResources());
        var app = project.RunApp();
        Assert.Equal(0, app.ExitCode);
        Assert.Contains($"ModelBuild/First.onnx {new FileInfo(RepositoryPaths.Fixture("mlp/mlp.onnx")).Length} x: float32[batch,16] -> output", app.Output);

        // Second build, nothing changed: no conversion and no compile.
        var second = project.Build();
        Assert.True(second.Succeeded, second.ToString());
        Assert.Empty(project.TakeConverterCalls());
        Assert.Equal(0, second.TaskRuns("ModelBuildConvert"));
        Assert.Equal(0, second.TaskRuns("Csc"));

        // Touch one model: only it converts.
        File.SetLastWriteTimeUtc(Path.Combine(project.Directory, "models/second.onnx"), DateTime.UtcNow);
        var touched = project.Build();
        Assert.True(touched.Succeeded, touched.ToString());
        Assert.Equal("second.onnx", Path.GetFileName(Assert.Single(project.TakeConverterCalls())[1]));

        // An unrelated edit of the project file converts nothing.
        project.Property("Description", "an edit that has nothing to do with models").Save();
        var unrelated = project.Build();
        Assert.True(unrelated.Succeeded, unrelated.ToString());
        Assert.Empty(project.TakeConverterCalls());

        // A changed option of one item re-converts that item with the new option.
        project.ClearItems()
            .Item("<ModelAsset Include=\"models/first.onnx\" Inputs=\"x: float32[batch,16]\" />")
            .Item("<ModelAsset Include=\"models/second.onnx\" Atol=\"1e-3\" />")
            .Save();
        var optionChanged = project.Build();
        Assert.True(optionChanged.Succeeded, optionChanged.ToString());
        var call = Assert.Single(project.TakeConverterCalls());
        Assert.Equal("second.onnx", Path.GetFileName(call[1]));
        Assert.Equal("1e-3", call[Array.IndexOf(call, "--atol") + 1]);
    }

    [Fact]
    public void Clean_AfterBuild_RemovesIntermediates()
    {
        var project = TwoModels();
        Assert.True(project.Build().Succeeded);
        Assert.True(Directory.Exists(Path.Combine(project.Directory, "obj", "modelbuild")));

        var clean = project.Run("clean");

        Assert.True(clean.Succeeded, clean.ToString());
        Assert.False(Directory.Exists(Path.Combine(project.Directory, "obj", "modelbuild")));
        Assert.False(Directory.Exists(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "modelbuild")));
    }
}
