using ModelBuild.Core.Caching;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Pipeline;
using ModelBuild.Core.Tests.TestSupport;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Tests.Pipeline;

/// <summary>Several targets from one gated ONNX artifact, with the fake trtexec standing in for TensorRT.</summary>
public sealed class ConversionPipelineTests
{
    private static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "fixtures", relative);

    private static ConversionRequest Request(FakeTools fake, string output, params string[] targets) => new()
    {
        SourcePath = Fixture("cnn/cnn.onnx"),
        OutputPath = output,
        Targets = targets,
        ReferencePath = Fixture("cnn/cnn.ref.npz"),
        Tools = fake.Environment,
        CacheDirectory = Path.Combine(fake.Work, "cache"),
    };

    [Fact]
    public void Run_WhenOnnxOrtAndTensorRtAreAsked_WritesAllThreeWithTheirOwnStatus()
    {
        using var fake = new FakeTools("100300");
        var output = Path.Combine(fake.Work, "out");

        var result = ConversionPipeline.Run(Request(fake, output, "onnx", "ort", "tensorrt"));

        Assert.True(result.ExitCode == ExitCode.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(["cnn.engine", "cnn.engine.json", "cnn.onnx", "cnn.ort"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["onnx", "ort", "tensorrt", "tensorrt"], result.Artifacts.Select(a => a.Target));
        Assert.Equal([TargetStatus.Verified, TargetStatus.Verified, TargetStatus.NotChecked], result.Targets.Select(t => t.Status));
        Assert.StartsWith("verified (onnxruntime ", result.Targets[1].StatusText);
        Assert.Equal("10.3.0", result.Targets[2].Properties["tensorrtVersion"]);
        Assert.Contains("not compared", result.Targets[2].StatusText);
        Assert.Same(result.Targets, result.Report!.Targets);
        // The engine is built from the staged, gated ONNX, never from a file already in the output folder.
        Assert.Contains("/.modelbuild-staging-", fake.Calls("trtexec")[1][0]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    public void Run_WhenArtifactsArePlaced_TheirDigestsAreThoseOfTheFilesOnDisk(long? externalDataThreshold)
    {
        // The ONNX files are hashed while written, the ORT file after; either way the lock gets the bytes' sha256.
        using var fake = new FakeTools();
        var output = Path.Combine(fake.Work, "out");

        var request = Request(fake, output, "onnx", "ort");
        var result = ConversionPipeline.Run(new ConversionRequest
        {
            SourcePath = request.SourcePath, OutputPath = output, Targets = request.Targets, ReferencePath = request.ReferencePath,
            Tools = request.Tools, ExternalDataThreshold = externalDataThreshold,
        });

        Assert.True(result.ExitCode == ExitCode.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(externalDataThreshold is null ? ["cnn.onnx", "cnn.ort"] : ["cnn.onnx", "cnn.onnx.data", "cnn.ort"],
            result.Artifacts.Select(a => Path.GetFileName(a.Path)));
        foreach (var artifact in result.Artifacts)
            Assert.Equal(ContentHash.Sha256OfFile(artifact.Path), artifact.Sha256);
        Assert.Equal(["x"], result.Signature!.Inputs.Select(i => i.Name));
    }

    [Fact]
    public void Run_WhenOneTargetFails_WritesTheOthersAndExitsWithTheFailuresCode()
    {
        using var fake = new FakeTools();
        fake.Configure("trtexec.fail", "No importer registered for op: FancyOp");
        var output = Path.Combine(fake.Work, "out");

        var result = ConversionPipeline.Run(Request(fake, output, "onnx", "tensorrt", "ort"));

        Assert.Equal(ExitCode.Unsupported, result.ExitCode);
        Assert.Equal(["cnn.onnx", "cnn.ort"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(TargetStatus.Failed, result.Targets[1].Status);
        Assert.Equal(TargetStatus.Verified, result.Targets[2].Status);
        var error = Assert.Single(result.Diagnostics, d => d.Contains(" error "));
        Assert.Contains("error MBLD2103: target 'tensorrt':", error);
        Assert.Contains("FancyOp", error);
    }

    [Fact]
    public void Run_WhenTrtexecIsMissingInLockedMode_FailsThatTargetUnlessOptional()
    {
        using var fake = new FakeTools(trtexecVersion: null);

        var unlocked = ConversionPipeline.Run(Request(fake, Path.Combine(fake.Work, "a"), "onnx", "tensorrt"));
        Assert.Equal(ExitCode.Success, unlocked.ExitCode);
        Assert.Contains(unlocked.Diagnostics, d => d.Contains("warning MBLD1007: target 'tensorrt' skipped: trtexec not found"));
        Assert.Equal("not checked (trtexec not found; searched", unlocked.Targets[1].StatusText[..40]);

        var strict = ConversionPipeline.Run(new ConversionRequest
        {
            SourcePath = Fixture("cnn/cnn.onnx"), OutputPath = Path.Combine(fake.Work, "b"), Targets = ["onnx", "tensorrt"],
            Tools = fake.Environment, Locked = true,
        });
        Assert.Equal(ExitCode.InvalidInput, strict.ExitCode);
        Assert.Contains(strict.Diagnostics, d => d.Contains("error MBLD1007: target 'tensorrt' skipped: trtexec not found") && d.Contains("--optional-targets tensorrt"));
        Assert.True(File.Exists(Path.Combine(fake.Work, "b", "cnn.onnx")));

        var optional = ConversionPipeline.Run(new ConversionRequest
        {
            SourcePath = Fixture("cnn/cnn.onnx"), OutputPath = Path.Combine(fake.Work, "c"), Targets = ["onnx", "tensorrt"],
            Tools = fake.Environment, Locked = true, OptionalTargets = ["tensorrt"],
        });
        Assert.Equal(ExitCode.Success, optional.ExitCode);
        Assert.Contains(optional.Diagnostics, d => d.Contains("warning MBLD1007"));
        Assert.Equal(TargetStatus.NotChecked, optional.Targets[1].Status);
    }

    [Fact]
    public void Run_WhenOnlyOrtIsAsked_OutputIsTheOrtFileAndNoOnnxIsLeft()
    {
        using var fake = new FakeTools();
        var output = Path.Combine(fake.Work, "out", "model.ort");

        var result = ConversionPipeline.Run(Request(fake, output, "ort"));

        Assert.Equal(ExitCode.Success, result.ExitCode);
        Assert.Equal(["model.ort"], Directory.GetFileSystemEntries(Path.GetDirectoryName(output)!).Select(Path.GetFileName));
        Assert.Equal(TargetStatus.Verified, Assert.Single(result.Targets).Status);
    }

    [Fact]
    public void Run_WhenTheOnnxGateFails_ProducesNoTargetAndSaysWhy()
    {
        using var fake = new FakeTools();
        var output = Path.Combine(fake.Work, "out");

        var result = ConversionPipeline.Run(new ConversionRequest
        {
            SourcePath = Fixture("finetune/template.onnx"), OutputPath = output, Targets = ["onnx", "ort", "tensorrt"],
            ReferencePath = Fixture("finetune/finetuned.ref.npz"), Tools = fake.Environment,
        });

        Assert.Equal(ExitCode.GateFailed, result.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(output));
        Assert.Equal([TargetStatus.Failed, TargetStatus.NotChecked, TargetStatus.NotChecked], result.Targets.Select(t => t.Status));
        Assert.Contains("failed the gate", result.Targets[1].Detail);
        Assert.Empty(fake.Calls("trtexec"));
    }
}
