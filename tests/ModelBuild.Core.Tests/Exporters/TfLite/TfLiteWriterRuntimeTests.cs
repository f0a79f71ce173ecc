using ModelBuild.Core.Exporters.TfLite;
using ModelBuild.Core.Importers.Onnx;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tests.TestSupport;
using ModelBuild.Core.Verification;
using Xunit.Abstractions;

namespace ModelBuild.Core.Tests.Exporters.TfLite;

/// <summary>
/// The PyTorch-made fixtures, written as TFLite and run by LiteRT.js against ONNX Runtime on the ONNX file, with
/// the fixtures' own recorded inputs. fp32 within 1e-4; fp16 weights within 1e-2.
/// </summary>
public sealed class TfLiteWriterRuntimeTests(ITestOutputHelper output)
{
    private const double Fp32Atol = 1e-4;

    private static string Fixture(string folder, string file) => Path.Combine(AppContext.BaseDirectory, "fixtures", folder, file);

    [TfLiteRuntimeTheory]
    [InlineData("mlp", "mlp.onnx", "mlp.ref.npz", false)]
    [InlineData("mlp", "mlp.onnx", "mlp.ref.npz", true)]
    [InlineData("cnn", "cnn.onnx", "cnn.ref.npz", false)]
    [InlineData("cnn", "cnn.onnx", "cnn.ref.npz", true)]
    [InlineData("finetune", "template.onnx", "finetuned.ref.npz", false)]
    [InlineData("finetune", "template.onnx", "finetuned.ref.npz", true)]
    public void Write_WhenFixtureRunsInLiteRt_MatchesOnnxRuntime(string folder, string model, string reference, bool nhwcIo)
    {
        using var temp = new TempDirectory();
        var onnx = Fixture(folder, model);
        var graph = OnnxReader.Read(onnx);
        foreach (var set in ReferenceFile.Load(Fixture(folder, reference)).Sets)
        {
            // Each reference set fixes the batch; TFLite shapes are static, so one file per batch size.
            long batch = set.Inputs[0].Data.Shape[0];
            var options = new TfLiteWriterOptions { DimensionSizes = new Dictionary<string, long> { ["batch"] = batch }, NhwcInputsOutputs = nhwcIo };
            var result = TfLiteWriter.Write(graph, temp.File($"{folder}-b{batch}.tflite"), options);
            var diffs = TfLiteRuntimeCheck.Compare(onnx, result, set.Inputs);
            foreach (var d in diffs)
                output.WriteLine($"{folder} set '{set.Name}' batch {batch} nhwcIo={nhwcIo}: {d.Output} max abs diff {d.MaxAbsDiff:G3} over {d.Elements} ({string.Join(" ", result.Operators)})");
            Assert.All(diffs, d => Assert.True(d.MaxAbsDiff <= Fp32Atol, $"{d.Output}: max abs diff {d.MaxAbsDiff} > {Fp32Atol}"));
        }
    }

    [TfLiteRuntimeTheory]
    [InlineData("mlp", "mlp.onnx", "mlp.ref.npz")]
    [InlineData("cnn", "cnn.onnx", "cnn.ref.npz")]
    public void Write_WhenFp16Weights_StaysWithinHalfPrecision(string folder, string model, string reference)
    {
        using var temp = new TempDirectory();
        var onnx = Fixture(folder, model);
        var set = ReferenceFile.Load(Fixture(folder, reference)).Sets[0];
        var options = new TfLiteWriterOptions { Fp16Weights = true, DimensionSizes = new Dictionary<string, long> { ["batch"] = set.Inputs[0].Data.Shape[0] } };
        var result = TfLiteWriter.Write(OnnxReader.Read(onnx), temp.File("fp16.tflite"), options);
        var diffs = TfLiteRuntimeCheck.Compare(onnx, result, set.Inputs);
        foreach (var d in diffs) output.WriteLine($"{folder} fp16 weights: {d.Output} max abs diff {d.MaxAbsDiff:G3}");
        Assert.Contains("DEQUANTIZE", result.Operators);
        Assert.All(diffs, d => Assert.True(d.MaxAbsDiff <= 1e-2, $"{d.Output}: max abs diff {d.MaxAbsDiff}"));
    }
}
