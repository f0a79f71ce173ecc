using Microsoft.Build.Utilities;

namespace ModelBuild.Tasks.Tests;

public sealed class ModelBuildResolveAssetsTests
{
    [Fact]
    public void Execute_WhenItemIsValid_PredictsArtifactsAndWritesStampOnlyOnChange()
    {
        using var temp = new TempFolder();
        var project = temp.File("app.csproj", "<Project />");
        temp.File("models/net.onnx", "model");
        temp.File("models/net.ref.npz", "reference");
        var item = new TaskItem("models/net.onnx");
        item.SetMetadata("Targets", "onnx;ort");

        var (task, _) = Run(project, item);

        var asset = Assert.Single(task.Assets);
        var outputRoot = Path.Combine(temp.Path, "obj", "modelbuild");
        Assert.Equal(Path.Combine(outputRoot, "Net", "net.onnx"), asset.GetMetadata("OutputFile"));
        Assert.Equal(Path.Combine(temp.Path, "models", "net.ref.npz"), asset.GetMetadata("Reference"));
        Assert.Equal(["ModelBuild/Net.onnx", "ModelBuild/Net.ort"], task.Artifacts.Select(a => a.GetMetadata("LogicalName")));
        var stamp = asset.GetMetadata("StampFile");
        var written = File.GetLastWriteTimeUtc(stamp);

        File.SetLastWriteTimeUtc(stamp, written.AddMinutes(-5));
        Run(project, item);
        Assert.Equal(written.AddMinutes(-5), File.GetLastWriteTimeUtc(stamp));

        item.SetMetadata("Opset", "18");
        Run(project, item);
        Assert.True(File.GetLastWriteTimeUtc(stamp) > written.AddMinutes(-5));
    }

    [Fact]
    public void Execute_WhenItemsAreInvalid_LogsEveryProblemAtTheItemLine()
    {
        using var temp = new TempFolder();
        var project = temp.File("app.csproj", """
            <Project>
              <ItemGroup>
                <ModelAsset Include="models/a.onnx" Precision="fp8" Opset="x" />
                <ModelAsset Include="models/b.onnx" AccessorName="A" Embed="maybe" />
              </ItemGroup>
            </Project>
            """);
        temp.File("models/a.onnx", "a");
        var a = new TaskItem("models/a.onnx");
        a.SetMetadata("Precision", "fp8");
        a.SetMetadata("Opset", "x");
        a.SetMetadata("AccessorName", "A");
        var b = new TaskItem("models/b.onnx");
        b.SetMetadata("AccessorName", "A");
        b.SetMetadata("Embed", "maybe");

        var (task, engine) = Run(project, a, b);

        Assert.Empty(task.Assets);
        Assert.Equal(["MBLD1201", "MBLD1205", "MBLD1206", "MBLD1209", "MBLD1210"], engine.Errors.Select(e => e.Code).Order(StringComparer.Ordinal));
        Assert.All(engine.Errors, e => Assert.Equal(project, e.File));
        Assert.Equal([3, 3, 4, 4, 4], engine.Errors.OrderBy(e => e.Code, StringComparer.Ordinal).Select(e => e.LineNumber).Order());
    }

    private static (ModelBuildResolveAssets Task, RecordingBuildEngine Engine) Run(string project, params TaskItem[] items)
    {
        var engine = new RecordingBuildEngine();
        var task = new ModelBuildResolveAssets
        {
            BuildEngine = engine,
            ModelAssets = items,
            OutputRoot = "obj/modelbuild/",
            ProjectFullPath = project,
            ConverterIdentity = "test",
        };
        task.Execute();
        return (task, engine);
    }
}
