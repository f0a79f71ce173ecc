using System.Text.Json;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tensors.Numpy;

namespace ModelBuild.Cli.Tests.Commands;

/// <summary>The gate against outputs PyTorch computed for models <c>torch.onnx.export</c> wrote.</summary>
public sealed class VerifyCommandTests
{
    [Theory]
    [InlineData("mlp/mlp.onnx", "mlp/mlp.ref.npz")]
    [InlineData("cnn/cnn.onnx", "cnn/cnn.ref.npz")]
    public void Verify_WhenTorchExportMatchesPyTorchOutputs_ExitsZero(string model, string reference)
    {
        var result = CliRunner.Run("verify", CliRunner.Fixture(model), "--reference", CliRunner.Fixture(reference));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("pass", result.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Verify_WhenReferenceIsBesideTheModel_FindsItByName()
    {
        using var temp = new TempFolder();
        File.Copy(CliRunner.Fixture("mlp/mlp.onnx"), temp.File("mlp.onnx"));
        File.Copy(CliRunner.Fixture("mlp/mlp.ref.npz"), temp.File("mlp.ref.npz"));

        var result = CliRunner.Run("verify", temp.File("mlp.onnx"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("MBLD3003", result.Stderr);
    }

    [Fact]
    public void Verify_WhenOneOutputIsPerturbedBy1em2_ExitsOneAndReportNamesOutputIndexValuesAndTolerance()
    {
        using var temp = new TempFolder();
        // Element [2,3] of the second head in the batch-3 set: a single element, so the report must find it.
        var arrays = NpzReader.Read(CliRunner.Fixture("cnn/cnn.ref.npz"));
        var target = arrays.Single(a => a.Name == "set1.output.output_1");
        var values = target.Data.ReadAllBytes();
        int flat = 2 * 4 + 3;
        float original = BitConverter.ToSingle(values, flat * 4);
        BitConverter.TryWriteBytes(values.AsSpan(flat * 4), original + 1e-2f);
        var perturbed = arrays.Select(a => a == target ? a with { Data = TensorData.FromBytes(values, DataType.Float32, target.Data.Shape) } : a);
        var referencePath = temp.File("perturbed.ref.npz");
        NpzWriter.Write(referencePath, perturbed);
        var reportPath = temp.File("report.json");

        var result = CliRunner.Run("verify", CliRunner.Fixture("cnn/cnn.onnx"), "--reference", referencePath, "--report", reportPath);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error MBLD3001", result.Stderr);
        Assert.Contains("output_1", result.Stderr);
        var markdown = File.ReadAllText(Path.ChangeExtension(reportPath, ".md"));
        Assert.Contains("output_1", markdown);
        Assert.Contains("[2,3]", markdown.Replace(" ", ""));

        using var report = JsonDocument.Parse(File.ReadAllText(reportPath));
        var worst = FindOutput(report.RootElement, "set1", "output_1");
        Assert.Equal("failed", worst.GetProperty("status").GetString());
        var expected = worst.GetProperty("worst").GetProperty("expected").GetDouble();
        var actual = worst.GetProperty("worst").GetProperty("actual").GetDouble();
        Assert.Equal(original + 1e-2f, expected, 1e-6);
        Assert.Equal(original, actual, 1e-5);
        Assert.Equal(new[] { 2L, 3L }, worst.GetProperty("worst").GetProperty("index").EnumerateArray().Select(e => e.GetInt64()));
        var minAtol = worst.GetProperty("minPassingAtol").GetDouble();
        Assert.InRange(minAtol, 0.5e-2, 1.1e-2);
        // The other outputs still pass: the report points at one output, not at the whole model.
        Assert.Equal("passed", FindOutput(report.RootElement, "set1", "output_0").GetProperty("status").GetString());
    }

    [Fact]
    public void Verify_WhenNoReference_RunsSeededInputsAndWarnsThatEquivalenceWasNotChecked()
    {
        var result = CliRunner.Run("verify", CliRunner.Fixture("cnn/cnn.onnx"), "--reference", "none");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning MBLD3003", result.Stderr);
    }

    [Fact]
    public void Verify_WhenTemplateWeightsDifferFromFineTunedReference_Fails()
    {
        // The template holds the seed-0 weights: this proves the fine-tune fixture's weights matter.
        var result = CliRunner.Run("verify", CliRunner.Fixture("finetune/template.onnx"), "--reference", CliRunner.Fixture("finetune/finetuned.ref.npz"));

        Assert.True(result.ExitCode == 1, result.ToString());
    }

    internal static JsonElement FindOutput(JsonElement report, string set, string output)
    {
        foreach (var s in report.GetProperty("sets").EnumerateArray())
        {
            if (s.GetProperty("name").GetString() != set) continue;
            foreach (var o in s.GetProperty("comparisons").EnumerateArray())
                if (o.GetProperty("output").GetString() == output) return o;
        }
        throw new Xunit.Sdk.XunitException($"no output {set}/{output} in the report: {report}");
    }
}
