using ModelBuild.Tests.ArmNn;
using ModelBuild.Core.Verification;
using Xunit.Abstractions;

namespace ModelBuild.Cli.Tests.Torchvision;

/// <summary>
/// A second opinion on the TFLite files of the torchvision tier: Arm NN (CpuRef, 22.x), a parser and kernels
/// independent of LiteRT.js, runs the .tflite written for resnet18 and (BatchNorm-calibrated) mobilenet_v2 on the
/// batch-1 reference input, and must match ONNX Runtime on the ONNX artifact within 1e-4. Arm NN 22 reads only part
/// of what the writer emits (no RSQRT, GELU, RELU_0_TO_1 or BATCH_MATMUL), so the transformers stay LiteRT.js's; see
/// docs/tflite.md for what else it reads.
/// </summary>
[Collection(TorchvisionCollection.Name)]
public sealed class TorchvisionArmNnTests(TorchvisionFixture fixture, ITestOutputHelper output)
{
    private const double Fp32Atol = 1e-4;

    [TorchvisionArmNnTheory]
    [InlineData("resnet18")]
    [InlineData("mobilenet_v2_calibrated")]
    public void Convert_WhenTfLiteFileRunsInArmNn_MatchesOnnxRuntime(string architecture)
    {
        using var temp = new TempFolder();
        var result = CliRunner.Run("convert", fixture.Model(architecture), "--input", "x: float32[batch,3,64,64]", "--reference", fixture.Reference(architecture),
            "--targets", "onnx;tflite", "--atol", "1e-4", "--tflite-runner", TfLiteRunnerFolder.Path, "-o", temp.File("out"));
        Assert.True(result.ExitCode == 0, result.ToString());
        var set = ReferenceFile.Load(fixture.Reference(architecture)).Sets[0];
        Assert.Equal(1, set.Inputs[0].Data.Shape[0]);
        using var ort = new OnnxRuntimeRunner(temp.File(Path.Combine("out", architecture + ".onnx")));
        var expected = ort.Run(set.Inputs);

        var actual = ArmNnRunner.Run(Path.Combine(Path.GetDirectoryName(TfLiteRunnerFolder.Path)!, "armnn-runner", "run.py"), temp.File(Path.Combine("out", architecture + ".tflite")), set.Inputs.Select(i => i.Data).ToArray(), temp.Path);

        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            var comparison = OutputComparer.Compare(expected[i].Name, expected[i].Data, actual[i], new Tolerance(Fp32Atol, 0));
            output.WriteLine($"{architecture}: Arm NN vs ONNX Runtime, {expected[i].Name} max abs diff {comparison.MaxAbs:G3}");
            Assert.True(comparison.Passed, comparison.Message ?? $"{expected[i].Name}: max abs diff {comparison.MaxAbs}");
        }
    }
}
