using System.Text.Json;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Exporters;
using ModelBuild.Core.Exporters.TensorRt;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tests.TestSupport;

namespace ModelBuild.Core.Tests.Exporters.TensorRt;

/// <summary>The tensorrt target against the C# fake trtexec: detection, the exact command line, the sidecar, failures.</summary>
public sealed class TensorRtTargetExporterTests
{
    [Theory]
    [InlineData("8601", "8.6.1", new string[0])]
    [InlineData("100300", "10.3.0", new string[0])]
    [InlineData("101200", "10.12.0", new[] { "--stronglyTyped" })]
    [InlineData("110400", "11.4.0", new string[0])]
    public void Export_WhenTrtexecAndGpuArePresent_RunsTheExactCommandLineAndRecordsVersionAndGpu(string encoded, string version, string[] precisionFlags)
    {
        using var fake = new FakeTools(encoded);
        var context = Context(fake, "n=1,4,8");

        var export = new TensorRtTargetExporter().Export(context);

        Assert.False(export.IsSkipped, export.SkipReason);
        var calls = fake.Calls("trtexec");
        Assert.Equal(2, calls.Count);
        Assert.Equal(["--help"], calls[0]);
        string[] expected =
        [
            "--onnx=" + context.OnnxPath,
            "--saveEngine=" + context.ArtifactPath,
            "--timingCacheFile=" + Path.Combine(context.CacheFolder, "trt-timing.cache"),
            "--minShapes=x:1x3x16x16", "--optShapes=x:4x3x16x16", "--maxShapes=x:8x3x16x16",
            .. precisionFlags, "--skipInference",
        ];
        Assert.Equal(expected, calls[1]);
        Assert.Equal([["--query-gpu=name,compute_cap", "--format=csv,noheader"]], fake.Calls("nvidia-smi"));
        Assert.Equal([context.ArtifactPath, context.ArtifactPath + ".json"], export.Files);
        Assert.Equal(TargetCheck.None, export.Check);
        Assert.Equal(version, export.Properties["tensorrtVersion"]);
        Assert.Equal("9.0", export.Properties["computeCapability"]);
        Assert.True(File.Exists(Path.Combine(context.CacheFolder, "trt-timing.cache")));

        using var sidecar = JsonDocument.Parse(File.ReadAllText(context.ArtifactPath + ".json"));
        var root = sidecar.RootElement;
        Assert.Equal("modelbuild.tensorrt-engine/1", root.GetProperty("schema").GetString());
        Assert.Equal("cnn.engine", root.GetProperty("engine").GetString());
        Assert.Equal(version, root.GetProperty("tensorrtVersion").GetString());
        Assert.Equal("NVIDIA H100 80GB HBM3", root.GetProperty("gpu").GetString());
        Assert.Equal("9.0", root.GetProperty("computeCapability").GetString());
        Assert.Equal("--onnx=cnn.onnx", root.GetProperty("trtexecArguments")[0].GetString());
        Assert.Equal([8L, 3, 16, 16], root.GetProperty("profiles")[0].GetProperty("max").EnumerateArray().Select(e => e.GetInt64()));
    }

    [Fact]
    public void Export_WhenTrtexecIsMissing_SkipsSayingWhatIsMissingAndHowToGetIt()
    {
        using var fake = new FakeTools(trtexecVersion: null);

        var export = new TensorRtTargetExporter().Export(Context(fake));

        Assert.True(export.IsSkipped);
        Assert.StartsWith("trtexec not found; searched", export.SkipReason);
        Assert.Contains("libnvinfer-bin", export.SkipHint);
        Assert.Contains("TENSORRT_ROOT", export.SkipHint);
    }

    [Fact]
    public void Export_WhenThereIsNoGpu_SkipsWithoutBuilding()
    {
        using var fake = new FakeTools(gpu: false);

        var export = new TensorRtTargetExporter().Export(Context(fake));

        Assert.True(export.IsSkipped);
        Assert.StartsWith("no NVIDIA GPU: nvidia-smi not found", export.SkipReason);
        Assert.Equal([["--help"]], fake.Calls("trtexec"));
    }

    [Fact]
    public void Export_WhenNvidiaSmiFails_SkipsWithItsMessage()
    {
        using var fake = new FakeTools();
        fake.Configure("nvidia-smi.output", "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.");
        fake.Configure("nvidia-smi.exit", "9");

        var export = new TensorRtTargetExporter().Export(Context(fake));

        Assert.True(export.IsSkipped);
        Assert.Contains("couldn't communicate with the NVIDIA driver", export.SkipReason);
    }

    [Fact]
    public void Export_WhenTrtexecFails_ThrowsTargetFailedQuotingItsError()
    {
        using var fake = new FakeTools();
        fake.Configure("trtexec.fail", "ModelImporter.cpp:949: No importer registered for op: FancyOp");

        var ex = Assert.Throws<ModelBuildException>(() => new TensorRtTargetExporter().Export(Context(fake)));

        Assert.Equal(DiagnosticCode.TargetFailed, ex.Code);
        Assert.StartsWith("target 'tensorrt':", ex.Message);
        Assert.Contains("exited with code 1", ex.Message);
        Assert.Contains("No importer registered for op: FancyOp", ex.Message);
    }

    /// <summary>A CNN-shaped input with a symbolic batch; the ONNX file itself is never read by the fake.</summary>
    private static TargetExportContext Context(FakeTools fake, string? profile = null)
    {
        var graph = new ModelBuild.Core.Graph.Graph();
        graph.Inputs.Add(new ValueInfo("x", DataType.Float32, new TensorShape([Dim.Named("n"), Dim.Fixed(3), Dim.Fixed(16), Dim.Fixed(16)])));
        var staging = Directory.CreateDirectory(Path.Combine(fake.Work, "staging")).FullName;
        var onnx = Path.Combine(staging, "cnn.onnx");
        File.WriteAllText(onnx, "not read by the fake");
        return new TargetExportContext(new Model(graph), onnx, staging, "cnn.engine")
        {
            SourcePath = "cnn.onnx",
            CacheFolder = Path.Combine(fake.Work, "cache"),
            Tools = fake.Environment,
            ShapeProfile = profile,
        };
    }
}
