using System.Runtime.InteropServices;
using ModelBuild.Core.Exporters.Onnx;
using ModelBuild.Core.Exporters.TfLite;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Tests.Exporters.TfLite;

/// <summary>
/// Runs a written .tflite with LiteRT.js (Google's TFLite kernels in WASM) through <c>tests/tflite-runner/run.mjs</c>
/// under Node, and compares it with ONNX Runtime on the ONNX artifact. Inputs are made in ONNX layout, permuted
/// to each TFLite input's layout, and outputs permuted back. Needs <c>node</c> on PATH and
/// <c>npm ci --prefix tests/tflite-runner</c>; <see cref="UnavailableReason"/> says which is missing.
/// </summary>
/// <remarks>The runner protocol itself is Core's (<see cref="TfLiteRuntime"/>); this adds the ONNX Runtime side for op-level tests.</remarks>
internal static class TfLiteRuntimeCheck
{
    public static string RunnerDirectory { get; } = Path.Combine(RepositoryRoot.Path, "tests", "tflite-runner");

    /// <summary>Node and the repository's runner, found by Core's own lookup (the one the pipeline uses).</summary>
    public static TfLiteRuntimeLocation Location { get; } = TfLiteRuntime.Locate(RunnerDirectory, ModelBuild.Core.Exporters.ToolEnvironment.Current);

    /// <summary>Null when node and the pinned package are there; else why the numeric checks cannot run.</summary>
    public static string? UnavailableReason { get; } =
        Location.Found ? null : $"{Location.MissingReason}: TFLite numeric check (LiteRT.js) not run. To run it, {Location.MissingHint}.";

    public sealed record Comparison(string Output, double MaxAbsDiff, long Elements);

    /// <summary>
    /// Runs <paramref name="tflite"/> and ONNX Runtime on <paramref name="onnxPath"/> with the same inputs (ONNX
    /// layout) and returns the max abs difference per output.
    /// </summary>
    public static IReadOnlyList<Comparison> Compare(string onnxPath, TfLiteWriteResult tflite, IReadOnlyList<NamedTensor> inputs)
    {
        using var ort = new OnnxRuntimeRunner(onnxPath);
        var expected = ort.Run(inputs);
        var actual = Run(tflite, inputs);
        var result = new List<Comparison>();
        foreach (var e in expected)
        {
            var a = actual.Single(x => x.Name == e.Name);
            Assert.Equal(e.Data.Shape, a.Data.Shape);
            var ev = MemoryMarshal.Cast<byte, float>(e.Data.ReadAllBytes());
            var av = MemoryMarshal.Cast<byte, float>(a.Data.ReadAllBytes());
            double max = 0;
            for (int i = 0; i < ev.Length; i++)
            {
                double d = Math.Abs((double)ev[i] - av[i]);
                if (double.IsNaN(d)) d = double.PositiveInfinity;
                max = Math.Max(max, d);
            }
            result.Add(new Comparison(e.Name, max, ev.Length));
        }
        return result;
    }

    /// <summary>Writes <paramref name="model"/> as ONNX beside the .tflite, then <see cref="Compare(string, TfLiteWriteResult, IReadOnlyList{NamedTensor})"/>.</summary>
    public static IReadOnlyList<Comparison> Compare(Model model, TfLiteWriteResult tflite, IReadOnlyList<NamedTensor> inputs)
    {
        var onnx = Path.ChangeExtension(tflite.Path, ".onnx");
        OnnxWriter.Write(model, onnx);
        return Compare(onnx, tflite, inputs);
    }

    /// <summary>Seeded float inputs in [-1, 1] for the TFLite file's (static) input shapes, in ONNX layout.</summary>
    public static IReadOnlyList<NamedTensor> SeededInputs(TfLiteWriteResult tflite, int seed = 7)
    {
        var random = new Random(seed);
        return tflite.Inputs.Select(binding =>
        {
            var onnxShape = OnnxShape(binding);
            long count = onnxShape.Aggregate(1L, (p, d) => p * d);
            var values = new float[count];
            for (int i = 0; i < values.Length; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
            return new NamedTensor(binding.Name, TensorData.FromBytes(MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), DataType.Float32, onnxShape));
        }).ToList();
    }

    /// <summary>Runs the .tflite on ONNX-layout inputs through Core's <see cref="TfLiteRuntime"/>, returning ONNX-layout outputs.</summary>
    public static IReadOnlyList<NamedTensor> Run(TfLiteWriteResult tflite, IReadOnlyList<NamedTensor> inputs)
    {
        if (UnavailableReason is not null) throw new InvalidOperationException(UnavailableReason);
        return TfLiteRuntime.Run(Location, tflite.Path, tflite.Inputs, tflite.Outputs, [inputs], TimeSpan.FromMinutes(2))[0];
    }

    private static long[] OnnxShape(TfLiteTensorBinding binding) => TfLiteRuntime.OnnxShape(binding);
}
