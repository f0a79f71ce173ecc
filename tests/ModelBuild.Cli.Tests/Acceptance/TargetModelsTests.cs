using System.Text.Json;
using Xunit.Abstractions;

namespace ModelBuild.Cli.Tests.Acceptance;

/// <summary>
/// Issue 5's acceptance: a small CNN (and one with BatchNorms torch.onnx leaves unfused), resnet18, mobilenet_v2 and a transformer encoder block, exported by real
/// PyTorch (tests/fixtures/targets/generate.py), converted to every target in one <c>modelbuild convert</c>:
/// ORT format and TFLite verified numerically against the ONNX artifact within 1e-4, OpenVINO IR validated and
/// its back-translation within 1e-5, Core ML validated (structurally checked).
/// </summary>
[Collection(TargetModelsCollection.Name)]
public sealed class TargetModelsTests(TargetModelsFixture models, ITestOutputHelper output)
{
    public static TheoryData<string> Models => new() { "small_cnn", "unfused_bn", "resnet18", "mobilenet_v2", "encoder_block" };

    [TargetModelsTheory]
    [MemberData(nameof(Models))]
    public void Convert_WhenAcceptanceModelGoesToEveryTarget_EachTargetIsCheckedAsFarAsItsRuntimeAllows(string name)
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", models.Model(name), "--targets", "onnx,ort,tflite,openvino,coreml", "--reference", models.Reference(name),
            "-o", temp.File("out"), "--tflite-runner", TfLiteRunnerFolder.Path, "--report", temp.File("report.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(temp.File("report.json")));
        var targets = report.RootElement.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("target").GetString()!);
        foreach (var (target, t) in targets)
            output.WriteLine($"{name} {target}: {t.GetProperty("status").GetString()} {(t.TryGetProperty("maxAbsDiff", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetDouble().ToString("E2") : "")}");

        void Verified(string target, double within)
        {
            var t = targets[target];
            Assert.True(t.GetProperty("status").GetString() == "verified", $"{target}: {t}");
            Assert.True(t.GetProperty("maxAbsDiff").GetDouble() <= within, $"{target}: {t}");
        }
        Verified("onnx", 1e-4);
        Verified("ort", 1e-4);
        Verified("tflite", 1e-4);
        Verified("openvino", 1e-5);
        Assert.Equal("structurallyChecked", targets["coreml"].GetProperty("status").GetString());
        Assert.Contains("| tflite | verified (litert.js ", result.Stdout);
        Assert.Contains("| openvino | verified (onnxruntime ", result.Stdout);
        Assert.DoesNotContain("warning MBLD1007", result.Stderr);
        foreach (var file in new[] { ".onnx", ".ort", ".tflite", ".xml", ".bin" })
            Assert.True(File.Exists(temp.File(Path.Combine("out", name + file))), name + file);
        Assert.True(Directory.Exists(temp.File(Path.Combine("out", name + ".mlpackage"))));
    }
}
