using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
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
/// <remarks>
/// This lives in the test project, not in Core: Core does not start processes, and shipping the runner
/// (run.mjs plus ~38 MB of WASM) with the tool is a packaging decision for the pipeline, not for the writer.
/// </remarks>
internal static class TfLiteRuntimeCheck
{
    public static string RunnerDirectory { get; } = Path.Combine(RepositoryRoot.Path, "tests", "tflite-runner");

    /// <summary>Null when node and the pinned package are there; else why the numeric checks cannot run.</summary>
    public static string? UnavailableReason { get; } = FindUnavailableReason();

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

    /// <summary>Runs the .tflite on ONNX-layout inputs, returning ONNX-layout outputs named as in the ONNX graph.</summary>
    public static IReadOnlyList<NamedTensor> Run(TfLiteWriteResult tflite, IReadOnlyList<NamedTensor> inputs)
    {
        if (UnavailableReason is not null) throw new InvalidOperationException(UnavailableReason);
        var work = Path.Combine(Path.GetDirectoryName(tflite.Path)!, "litert-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        var runInputs = new List<object>();
        for (int i = 0; i < tflite.Inputs.Count; i++)
        {
            var binding = tflite.Inputs[i];
            var input = inputs.Single(t => t.Name == binding.Name);
            var values = MemoryMarshal.Cast<byte, float>(input.Data.ReadAllBytes()).ToArray();
            var permuted = Permute(values, input.Data.Shape.ToArray(), binding.Layout.ToArray());
            var file = $"input{i}.bin";
            File.WriteAllBytes(Path.Combine(work, file), MemoryMarshal.AsBytes(permuted.AsSpan()).ToArray());
            runInputs.Add(new { file, shape = binding.Shape });
        }
        var request = Path.Combine(work, "request.json");
        File.WriteAllText(request, JsonSerializer.Serialize(new { model = tflite.Path, runs = new[] { new { inputs = runInputs, outputDir = "out" } } }));

        var psi = new ProcessStartInfo("node", [Path.Combine(RunnerDirectory, "run.mjs"), request])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RunnerDirectory,
        };
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("LiteRT.js runner did not finish in 2 minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"LiteRT.js runner failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");

        var outDir = Path.Combine(work, "out");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "outputs.json")));
        var outputs = new List<NamedTensor>();
        int k = 0;
        foreach (var entry in manifest.RootElement.EnumerateArray())
        {
            var binding = tflite.Outputs[k++];
            var values = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(Path.Combine(outDir, entry.GetProperty("file").GetString()!))).ToArray();
            var tfliteShape = binding.Shape.Select(d => (long)d).ToArray();
            var back = Permute(values, tfliteShape, Inverse(binding.Layout.ToArray()));
            outputs.Add(new NamedTensor(binding.Name, TensorData.FromBytes(MemoryMarshal.AsBytes(back.AsSpan()).ToArray(), DataType.Float32, OnnxShape(binding))));
        }
        return outputs;
    }

    private static long[] OnnxShape(TfLiteTensorBinding binding)
    {
        var shape = new long[binding.Shape.Count];
        for (int i = 0; i < shape.Length; i++) shape[binding.Layout[i]] = binding.Shape[i];
        return shape;
    }

    private static int[] Inverse(int[] p)
    {
        var inv = new int[p.Length];
        for (int i = 0; i < p.Length; i++) inv[p[i]] = i;
        return inv;
    }

    /// <summary>Output dim i is input dim perm[i] (the test's own copy, independent of the writer's).</summary>
    private static float[] Permute(float[] data, long[] shape, int[] perm)
    {
        int rank = shape.Length;
        var strides = new long[rank];
        long s = 1;
        for (int d = rank - 1; d >= 0; d--) { strides[d] = s; s *= shape[d]; }
        var outShape = perm.Select(p => shape[p]).ToArray();
        var result = new float[data.Length];
        var index = new long[rank];
        for (long n = 0; n < data.Length; n++)
        {
            long src = 0;
            for (int d = 0; d < rank; d++) src += index[d] * strides[perm[d]];
            result[n] = data[src];
            for (int d = rank - 1; d >= 0; d--)
            {
                if (++index[d] < outShape[d]) break;
                index[d] = 0;
            }
        }
        return result;
    }

    private static string? FindUnavailableReason()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("node", ["--version"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            p.WaitForExit(TimeSpan.FromSeconds(20));
            if (p.ExitCode != 0) return "node is on PATH but 'node --version' failed: TFLite numeric check not run.";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "node is not on PATH: TFLite numeric check (LiteRT.js) not run. Install Node.js >= 20 and run 'npm ci --prefix tests/tflite-runner'.";
        }
        if (!File.Exists(Path.Combine(RunnerDirectory, "node_modules", "@litertjs", "core", "package.json")))
            return "@litertjs/core is not installed: TFLite numeric check not run. Run 'npm ci --prefix tests/tflite-runner'.";
        return null;
    }
}
