namespace ModelBuild.IntegrationTests.Scenarios;

/// <summary>Projects around the main path: no assets, design-time builds, copying instead of embedding, multi-targeting.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ProjectShapeTests(PackageFeedFixture feed)
{
    [Fact]
    public void Build_WhenNoModelAssets_BuildsExactlyAsWithoutTheReference()
    {
        var with = ConsumerProject.Create(feed, "noassets").Save();
        var without = ConsumerProject.Create(feed, "noassets").WithoutModelBuild().Save();

        var withBuild = with.Build();
        var withoutBuild = without.Build();

        Assert.True(withBuild.Succeeded, withBuild.ToString());
        Assert.True(withoutBuild.Succeeded, withoutBuild.ToString());
        Assert.Equal(0, withBuild.TaskRuns("ModelBuildResolveAssets"));
        Assert.Equal(0, withBuild.TaskRuns("ModelBuildGenerateAccessor"));
        Assert.False(Directory.Exists(Path.Combine(with.Directory, "obj", "modelbuild")));
        Assert.Equal(Files(without, "bin"), Files(with, "bin"));
        Assert.Equal(Files(without, "obj").Where(f => !f.Contains("nuget", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".json", StringComparison.Ordinal)),
            Files(with, "obj").Where(f => !f.Contains("nuget", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".json", StringComparison.Ordinal)));
    }

    [Fact]
    public void Build_WhenModelBuildDisabled_TouchesNoModel()
    {
        var project = ConsumerProject.Create(feed, "disabled")
            .Model("models/net.onnx", "mlp/mlp.onnx")
            .Item("<ModelAsset Include=\"models/net.onnx\" />")
            .Save();

        var build = project.Build("-p:ModelBuildEnabled=false");

        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(project.TakeConverterCalls());
        Assert.Equal(0, build.TaskRuns("ModelBuildResolveAssets"));
        Assert.Empty(project.ManifestResources());
        Assert.False(File.Exists(Path.Combine(project.Directory, "models.lock.json")));
    }

    [Fact]
    public void DesignTimeBuild_WhenModelNeverConverted_GeneratesAccessorWithoutConverting()
    {
        var project = ConsumerProject.Create(feed, "designtime")
            .Model("models/net.onnx", "mlp/mlp.onnx")
            .Item("<ModelAsset Include=\"models/net.onnx\" Inputs=\"x: float32[batch,16]\" />")
            .Save();
        Assert.True(project.Run("restore").Succeeded);

        // What Visual Studio and C# Dev Kit ask for: Compile with the compiler skipped.
        var build = project.Run("msbuild", "-t:Compile", "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true",
            "-p:ProvideCommandLineArgs=true", "-getItem:Compile");

        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(project.TakeConverterCalls());
        Assert.Contains("ModelAssets.Net.g.cs", build.Result.Output);
        var accessor = File.ReadAllText(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "modelbuild", "ModelAssets.Net.g.cs"));
        Assert.Contains("new ModelAssets.TensorInfo(\"x\", \"float32\", new string[] { \"batch\", \"16\" })", accessor);
    }

    [Fact]
    public void Build_WhenCopiedInsteadOfEmbedded_PlacesArtifactInOutputFolder()
    {
        var project = ConsumerProject.Create(feed, "copied")
            .Model("models/net.onnx", "mlp/mlp.onnx")
            .Item("<ModelAsset Include=\"models/net.onnx\" Embed=\"false\" CopyToOutputDirectory=\"PreserveNewest\" />")
            .Program("Console.WriteLine(ModelAssets.Net.ReadAllBytes().Length);")
            .Save();

        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(project.ManifestResources());
        Assert.True(File.Exists(Path.Combine(project.Directory, "bin", "Debug", "net10.0", "models", "Net.onnx")));
        var app = project.RunApp();
        Assert.Equal(new FileInfo(RepositoryPaths.Fixture("mlp/mlp.onnx")).Length.ToString(), app.Output.Trim());
    }

    private static string[] Files(ConsumerProject project, string folder)
    {
        var root = Path.Combine(project.Directory, folder);
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(project.Name, "NAME"))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
