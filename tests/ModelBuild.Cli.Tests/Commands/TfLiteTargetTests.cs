namespace ModelBuild.Cli.Tests.Commands;

/// <summary>The tflite target in the gate: checked by LiteRT.js when the runner is found, else produced and reported not checked.</summary>
public sealed class TfLiteTargetTests
{
    [TfLiteRuntimeFact]
    public void Convert_WhenTfLiteRunnerIsInstalled_ReportsTfLiteVerifiedByLiteRt()
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", CliRunner.Fixture("mlp/mlp.onnx"), "--targets", "onnx,tflite", "-o", temp.File("out"),
            "--reference", CliRunner.Fixture("mlp/mlp.ref.npz"), "--tflite-runner", TfLiteRunnerFolder.Path, "--report", temp.File("report.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"\| tflite \| verified \(litert\.js [0-9.]+, max abs diff [0-9.e+-]+ vs ONNX Runtime on the ONNX artifact, all 1 set\(s\)\) \| mlp\.tflite \|", result.Stdout);
        Assert.DoesNotContain("MBLD1007", result.Stderr);
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp.File("report.json")));
        var tflite = report.RootElement.GetProperty("targets")[1];
        Assert.Equal("verified", tflite.GetProperty("status").GetString());
        Assert.True(tflite.GetProperty("maxAbsDiff").GetDouble() <= 1e-4);
        Assert.True(File.Exists(temp.File("out/mlp.tflite")));
    }

    [TfLiteRuntimeFact]
    public void Convert_WhenRunnerComesFromTheEnvironmentVariable_UsesIt()
    {
        using var temp = new TempFolder();
        Environment.SetEnvironmentVariable("MODELBUILD_TFLITE_RUNNER", TfLiteRunnerFolder.Path);
        try
        {
            var result = CliRunner.Run("convert", CliRunner.Fixture("cnn/cnn.onnx"), "--targets", "onnx,tflite", "-o", temp.File("out"),
                "--reference", CliRunner.Fixture("cnn/cnn.ref.npz"));
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("| tflite | verified (litert.js ", result.Stdout);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MODELBUILD_TFLITE_RUNNER", null);
        }
    }

    [TfLiteRuntimeFact]
    public void Convert_WhenSymbolicBatch_ComparesOnlyTheSetsWithTheWrittenSizeAndSaysWhich()
    {
        using var temp = new TempFolder();

        // cnn.ref.npz: set0 at batch 1, set1 at batch 3; TFLite is written with batch 1.
        var result = CliRunner.Run("convert", CliRunner.Fixture("cnn/cnn.onnx"), "--targets", "onnx,tflite", "-o", temp.File("out"),
            "--reference", CliRunner.Fixture("cnn/cnn.ref.npz"), "--tflite-runner", TfLiteRunnerFolder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"\| tflite \| verified \(litert\.js [0-9.]+, max abs diff [0-9.e+-]+ vs ONNX Runtime on the ONNX artifact, set\(s\) set0 of 2 \(the others' symbolic dims differ from the written shapes x\[1,3,16,16\]\)\)", result.Stdout);
    }

    [TfLiteRuntimeFact]
    public void Convert_WhenNoReferenceSetHasTheWrittenShapes_ReportsNotCheckedWithMbld3008()
    {
        using var temp = new TempFolder();

        // mlp.ref.npz has batch 2; with a symbolic batch the .tflite is written at batch 1, so no set fits.
        var result = CliRunner.Run("convert", CliRunner.Fixture("mlp/mlp.onnx"), "--targets", "onnx,tflite", "-o", temp.File("out"),
            "--input", "x: float32[batch,16]", "--reference", CliRunner.Fixture("mlp/mlp.ref.npz"), "--tflite-runner", TfLiteRunnerFolder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning MBLD3008: target 'tflite' not checked: no input set of the inputs of mlp.ref.npz has the fixed shapes the artifact was written with (x[1,16])", result.Stderr);
        Assert.Contains("| tflite | not checked (no input set of the inputs of mlp.ref.npz has the fixed shapes", result.Stdout);
        Assert.True(File.Exists(temp.File("out/mlp.tflite")));
    }

    [Fact]
    public void Convert_WhenRunnerPathPointsNowhere_WritesTfLiteReportsNotCheckedWithReasonAndWarns()
    {
        using var temp = new TempFolder();
        var nowhere = temp.File("no-runner-here");

        var result = CliRunner.Run("convert", CliRunner.Fixture("mlp/mlp.onnx"), "--targets", "onnx,tflite", "-o", temp.File("out"),
            "--reference", CliRunner.Fixture("mlp/mlp.ref.npz"), "--tflite-runner", nowhere);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("| tflite | not checked (no TFLite runtime: ", result.Stdout);
        Assert.Contains("warning MBLD1007: target 'tflite' not checked: no TFLite runtime: ", result.Stderr);
        // Whichever is missing here (node, or the runner folder), the message says what to do about it.
        Assert.True(result.Stderr.Contains(nowhere) || result.Stderr.Contains("node is not on PATH"), result.ToString());
        Assert.True(File.Exists(temp.File("out/mlp.tflite")));

        var locked = CliRunner.Run("convert", CliRunner.Fixture("mlp/mlp.onnx"), "--targets", "onnx,tflite", "-o", temp.File("locked"),
            "--reference", CliRunner.Fixture("mlp/mlp.ref.npz"), "--tflite-runner", nowhere, "--locked");
        Assert.True(locked.ExitCode == 2, locked.ToString());
        Assert.Contains("error MBLD1007", locked.Stderr);
        Assert.False(File.Exists(temp.File("locked/mlp.tflite")));
    }

    [TfLiteRuntimeFact]
    public void Convert_WhenRunnerFailsOnTheArtifact_FailsTfLiteWithMbld3007AndWritesTheRest()
    {
        using var temp = new TempFolder();
        // A runner folder whose run.mjs fails the way a LiteRT kernel rejecting the model would.
        var runner = temp.File("broken-runner");
        var package = Path.Combine(runner, "node_modules", "@litertjs", "core");
        Directory.CreateDirectory(package);
        File.WriteAllText(Path.Combine(package, "package.json"), """{ "version": "2.5.3" }""");
        File.WriteAllText(Path.Combine(runner, "run.mjs"), "process.stderr.write('tflite-runner: Didn\\'t find op for builtin opcode\\n'); process.exit(1);");

        var result = CliRunner.Run("convert", CliRunner.Fixture("mlp/mlp.onnx"), "--targets", "onnx,tflite,ort", "-o", temp.File("out"),
            "--reference", CliRunner.Fixture("mlp/mlp.ref.npz"), "--tflite-runner", runner);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("mlp.onnx: error MBLD3007: target 'tflite': litert.js 2.5.3 could not run it: the LiteRT.js runner exited with 1: tflite-runner: Didn't find op for builtin opcode", result.Stderr);
        Assert.Contains("| tflite | failed (MBLD3007: ", result.Stdout);
        Assert.Contains("| ort | verified (", result.Stdout);
        Assert.True(File.Exists(temp.File("out/mlp.ort")));
        Assert.False(File.Exists(temp.File("out/mlp.tflite")));
    }

    [Fact]
    public void Convert_WhenTfLiteIsAskedWithNoVerify_ReportsNotChecked()
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", CliRunner.Fixture("mlp/mlp.onnx"), "--targets", "onnx,tflite", "-o", temp.File("out"),
            "--no-verify", "--tflite-runner", TfLiteRunnerFolder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"\| tflite \| not checked \((--no-verify|no TFLite runtime: [^)]*)\) \| mlp\.tflite \|", result.Stdout);
    }

    [Fact]
    public void Build_CopiesTheRunnerBesideTheConverter()
    {
        var folder = Path.Combine(Path.GetDirectoryName(typeof(ModelBuild.Cli.Program).Assembly.Location)!, "tflite-runner");
        foreach (var file in new[] { "run.mjs", "package.json", "package-lock.json" })
            Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} missing in {folder}");
    }
}
