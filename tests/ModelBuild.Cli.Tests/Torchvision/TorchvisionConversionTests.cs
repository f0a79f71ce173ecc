using System.Reflection;
using System.Text.Json;

namespace ModelBuild.Cli.Tests.Torchvision;

/// <summary>
/// The torchvision 0.14 classification architectures the issue lists, traced with random weights by
/// tests/fixtures/torchvision/generate.py, converted with a symbolic batch (<c>x: float32[batch,3,S,S]</c>) and
/// gated against PyTorch at batch 1 and batch 3 at the default fp32 tolerance. Five architectures come as the
/// generator's variants: with torchvision's random initialization their outputs are (near) zero for any input
/// (ViT's head starts at zero; the BatchNorm-heavy mobile nets shrink activations to 1e-9 and below), so a gate
/// there would pass whatever the converted model computed. <c>_calibrated</c> sets BatchNorm statistics as
/// training would; <c>vit_b_16_random_head</c> gives ViT's head random weights. An architecture that does not convert
/// yet stays in the theory, skipped with what is missing.
/// </summary>
[Collection(TorchvisionCollection.Name)]
public sealed class TorchvisionConversionTests(TorchvisionFixture fixture)
{
    [TorchvisionTheory]
    [InlineData("resnet18", 64)]
    [InlineData("mobilenet_v2_calibrated", 64)]
    [InlineData("resnext50_32x4d", 64)]
    [InlineData("vgg11", 64)]
    [InlineData("alexnet", 64)]
    [InlineData("squeezenet1_0", 64)]
    [InlineData("densenet121", 64)]
    [InlineData("googlenet", 64)]
    [InlineData("inception_v3", 80)]
    [InlineData("mobilenet_v3_small_calibrated", 64)]
    [InlineData("mnasnet0_5_calibrated", 64)]
    [InlineData("shufflenet_v2_x0_5", 64)]
    [InlineData("efficientnet_b0_calibrated", 64)]
    [InlineData("regnet_y_400mf", 64)]
    [InlineData("convnext_tiny", 64)]
    [InlineData("vit_b_16_random_head", 64)]
    [InlineData("swin_t", 64)]
    public void Convert_WhenTracedArchitectureWithSymbolicBatch_PassesTheGateAtBatchOneAndThree(string architecture, int side)
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", fixture.Model(architecture), "--input", $"x: float32[batch,3,{side},{side}]",
            "--reference", fixture.Reference(architecture), "-o", temp.File(architecture + ".onnx"));

        Assert.True(result.ExitCode == 0, result.ToString());
        // A pass that uses most of the tolerance is still a pass at the default tolerance (MBLD3006 near miss).
        Assert.Matches(@"\*\*PASSED( \(near miss\))?\*\*.*1 output × 2 sets (match within tolerance|pass)", result.Stdout);
    }

    /// <summary>
    /// wide_resnet50_2 is the one architecture whose random-weight outputs (up to 36) make fp32 itself miss the
    /// default atol 1e-5 on the few outputs near zero: against the float64 reference PyTorch's own fp32 forward is
    /// off by up to 6.1e-5 and ONNX Runtime on the converted model by 2.3e-5. So the converted model is held to
    /// atol 3e-5 — tighter than PyTorch's own rounding — and the default tolerance is shown to fail for the
    /// reason stated (a rounding miss on near-zero outputs, reported with the tolerance that would pass), not
    /// for a wrong operator.
    /// </summary>
    [TorchvisionFact]
    public void Convert_WhenWideResnet_MatchesTheExactResultCloserThanPyTorchItself()
    {
        using var temp = new TempFolder();
        string[] common = ["convert", fixture.Model(WideResnet), "--input", "x: float32[batch,3,64,64]",
            "--reference", fixture.Reference(WideResnet), "-o", temp.File(WideResnet + ".onnx")];

        var tight = CliRunner.Run([.. common, "--atol", "3e-5"]);
        var byDefault = CliRunner.Run([.. common, "--report", temp.File("default.json")]);

        Assert.True(tight.ExitCode == 0, tight.ToString());
        Assert.Contains("1 output × 2 sets match within tolerance", tight.Stdout);
        Assert.Equal(1, byDefault.ExitCode);
        var minimumAtol = MinimumPassingAtol(temp.File("default.json"));
        Assert.InRange(minimumAtol, 1e-5, 3e-5);
    }

    private const string WideResnet = "wide_resnet50_2";

    /// <summary>The largest minimum passing atol over every compared output of every set in a JSON report.</summary>
    private static double MinimumPassingAtol(string reportPath)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(reportPath));
        return report.RootElement.GetProperty("sets").EnumerateArray()
            .SelectMany(set => set.GetProperty("comparisons").EnumerateArray())
            .Max(comparison => comparison.GetProperty("minPassingAtol").GetDouble());
    }

    /// <summary>The architectures the fixture generates: the theory's rows that are not skipped, and wide_resnet50_2.</summary>
    public static IReadOnlyList<string> Converted { get; } = typeof(TorchvisionConversionTests)
        .GetMethod(nameof(Convert_WhenTracedArchitectureWithSymbolicBatch_PassesTheGateAtBatchOneAndThree))!
        .GetCustomAttributes<InlineDataAttribute>()
        .Where(a => a.Skip is null)
        .Select(a => (string)a.GetData(null!).Single()[0])
        .Append(WideResnet)
        .ToArray();
}
