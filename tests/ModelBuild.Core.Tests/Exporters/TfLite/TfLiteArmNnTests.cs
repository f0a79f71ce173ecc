using ModelBuild.Core.Exporters.TfLite;
using ModelBuild.Core.Importers.Onnx;
using ModelBuild.Core.Verification;
using Xunit.Abstractions;

namespace ModelBuild.Core.Tests.Exporters.TfLite;

/// <summary>
/// The CNN fixtures written as TFLite and run by Arm NN (CpuRef), compared with ONNX Runtime on the ONNX file on
/// the fixtures' own PyTorch inputs: a second opinion beside LiteRT.js, within the same fp32 bound of 1e-4.
/// </summary>
public sealed class TfLiteArmNnTests(ITestOutputHelper output)
{
    private const double Fp32Atol = 1e-4;

    [ArmNnTheory]
    [InlineData("mlp", "mlp.onnx", "mlp.ref.npz")]
    [InlineData("cnn", "cnn.onnx", "cnn.ref.npz")]
    [InlineData("finetune", "template.onnx", "finetuned.ref.npz")]
    public void Write_WhenFixtureRunsInArmNn_MatchesOnnxRuntime(string folder, string model, string reference)
    {
        using var temp = new TempDirectory();
        var onnx = Path.Combine(AppContext.BaseDirectory, "fixtures", folder, model);
        var graph = OnnxReader.Read(onnx);
        using var runner = new OnnxRuntimeRunner(onnx);
        foreach (var set in ReferenceFile.Load(Path.Combine(AppContext.BaseDirectory, "fixtures", folder, reference)).Sets)
        {
            long batch = set.Inputs[0].Data.Shape[0];
            var options = new TfLiteWriterOptions { DimensionSizes = new Dictionary<string, long> { ["batch"] = batch } };
            var tflite = TfLiteWriter.Write(graph, temp.File($"{folder}-b{batch}.tflite"), options);
            var expected = runner.Run(set.Inputs);

            var actual = ArmNnCheck.Run(tflite.Path, set.Inputs.Select(i => i.Data).ToArray(), temp.Path);

            Assert.Equal(expected.Count, actual.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                var comparison = OutputComparer.Compare(expected[i].Name, expected[i].Data, actual[i], new Tolerance(Fp32Atol, 0));
                output.WriteLine($"{folder} {set.Name} batch {batch}: {expected[i].Name} max abs diff {comparison.MaxAbs:G3} ({string.Join(" ", tflite.Operators)})");
                Assert.True(comparison.Passed, comparison.Message ?? $"{expected[i].Name}: max abs diff {comparison.MaxAbs}");
            }
        }
    }
}
