using System.Runtime.InteropServices;
using System.Text.Json;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// LiteRT.js (npm <c>@litertjs/core</c>: Google's TFLite kernels in WASM) run under Node through the runner's
/// <c>run.mjs</c>, whose request/response protocol this class is the one C# side of. The runner folder is, in
/// order: an explicit path (<c>--tflite-runner</c>), <c>MODELBUILD_TFLITE_RUNNER</c>, then <c>tflite-runner/</c>
/// beside the converter's assembly (the CLI ships <c>run.mjs</c> and the lockfile there; <c>npm ci</c> in that
/// folder installs the pinned package). Node is looked for on PATH.
/// </summary>
public static class TfLiteRuntime
{
    public const string EnvironmentVariable = "MODELBUILD_TFLITE_RUNNER";
    public const string RunnerFolderName = "tflite-runner";

    /// <summary>Finds Node and a runner folder with the package installed; never throws.</summary>
    public static TfLiteRuntimeLocation Locate(string? explicitFolder, ToolEnvironment tools)
    {
        string folder;
        string source;
        if (!string.IsNullOrEmpty(explicitFolder)) { folder = explicitFolder; source = "--tflite-runner"; }
        else if (tools.Variable(EnvironmentVariable) is { Length: > 0 } fromEnv) { folder = fromEnv; source = EnvironmentVariable; }
        else { folder = Path.Combine(AppContext.BaseDirectory, RunnerFolderName); source = "the converter's folder"; }
        folder = Path.GetFullPath(folder);

        var node = tools.FindOnPath("node");
        if (node is null)
            return Missing("node is not on PATH", "install Node.js >= 20 (e.g. apt-get install nodejs npm) and run 'npm ci' in " + folder);
        if (!File.Exists(Path.Combine(folder, "run.mjs")))
            return Missing($"no LiteRT.js runner at {folder} ({source}: run.mjs is missing)",
                $"point --tflite-runner or {EnvironmentVariable} at a folder holding ModelBuild's tflite-runner (run.mjs, package.json, package-lock.json) and run 'npm ci' there");
        var package = Path.Combine(folder, "node_modules", "@litertjs", "core", "package.json");
        if (!File.Exists(package))
            return Missing($"@litertjs/core is not installed in {folder}", $"run 'npm ci --prefix {folder}'");
        string? version = null;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(package));
            version = json.RootElement.TryGetProperty("version", out var v) ? v.GetString() : null;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return Missing($"{package} cannot be read: {e.Message}", $"run 'npm ci --prefix {folder}' again");
        }
        return new TfLiteRuntimeLocation(node, folder, version, null, null);

        static TfLiteRuntimeLocation Missing(string reason, string hint) => new(null, null, null, "no TFLite runtime: " + reason, hint);
    }

    /// <summary>
    /// Runs <paramref name="model"/> (a .tflite written with <paramref name="inputs"/> and <paramref name="outputs"/>
    /// as its subgraph's bindings) on each input set, given in ONNX names and layout; returns the outputs in ONNX
    /// layout, named as the ONNX outputs. Throws <see cref="ModelBuildException"/> (MBLD3011) when the runner fails.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<NamedTensor>> Run(TfLiteRuntimeLocation location, string model,
        IReadOnlyList<TfLiteTensorBinding> inputs, IReadOnlyList<TfLiteTensorBinding> outputs,
        IReadOnlyList<IReadOnlyList<NamedTensor>> inputSets, TimeSpan timeout)
    {
        if (!location.Found) throw new InvalidOperationException(location.MissingReason);
        var work = Path.Combine(Path.GetTempPath(), "modelbuild-litert-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        try
        {
            var runs = new List<object>();
            for (int s = 0; s < inputSets.Count; s++)
            {
                var runInputs = new List<object>();
                for (int i = 0; i < inputs.Count; i++)
                {
                    var binding = inputs[i];
                    var input = inputSets[s].FirstOrDefault(t => t.Name == binding.Name)
                        ?? throw new ArgumentException($"input set {s} has no tensor '{binding.Name}'");
                    if (input.Data.DataType != DataType.Float32)
                        throw new ModelBuildException(DiagnosticCode.TfLiteRuntimeFailed, model,
                            $"input '{binding.Name}' is {DataTypes.Name(input.Data.DataType)}; the LiteRT.js runner feeds float32 only");
                    var values = MemoryMarshal.Cast<byte, float>(input.Data.ReadAllBytes()).ToArray();
                    var permuted = TfLitePermutation.PermuteData(values, input.Data.Shape, binding.Layout.ToArray());
                    var file = $"set{s}.input{i}.bin";
                    File.WriteAllBytes(Path.Combine(work, file), MemoryMarshal.AsBytes(permuted.AsSpan()).ToArray());
                    runInputs.Add(new { file, shape = binding.Shape });
                }
                runs.Add(new { inputs = runInputs, outputDir = $"out{s}" });
            }
            var request = Path.Combine(work, "request.json");
            File.WriteAllText(request, JsonSerializer.Serialize(new { model = Path.GetFullPath(model), runs }));

            var run = ExternalTool.Run(location.Node!, [Path.Combine(location.RunnerFolder!, "run.mjs"), request], timeout);
            if (!run.Succeeded)
            {
                var why = !run.Started ? "node did not start: " + run.StartError
                    : run.TimedOut ? $"the LiteRT.js runner did not finish in {timeout.TotalSeconds:0} s"
                    : $"the LiteRT.js runner exited with {run.ExitCode}: {run.Tail(6)}";
                throw new ModelBuildException(DiagnosticCode.TfLiteRuntimeFailed, model, why);
            }

            var results = new List<IReadOnlyList<NamedTensor>>(inputSets.Count);
            for (int s = 0; s < inputSets.Count; s++)
            {
                var outDir = Path.Combine(work, $"out{s}");
                using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "outputs.json")));
                var entries = manifest.RootElement.EnumerateArray().ToArray();
                if (entries.Length != outputs.Count)
                    throw new ModelBuildException(DiagnosticCode.TfLiteRuntimeFailed, model,
                        $"LiteRT.js returned {entries.Length} outputs; the model declares {outputs.Count}");
                var tensors = new List<NamedTensor>(outputs.Count);
                for (int k = 0; k < entries.Length; k++)
                {
                    var binding = outputs[k];
                    var values = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(Path.Combine(outDir, entries[k].GetProperty("file").GetString()!))).ToArray();
                    var tfliteShape = binding.Shape.Select(d => (long)d).ToArray();
                    var back = TfLitePermutation.PermuteData(values, tfliteShape, TfLitePermutation.Inverse(binding.Layout.ToArray()));
                    tensors.Add(new NamedTensor(binding.Name, TensorData.FromBytes(MemoryMarshal.AsBytes(back.AsSpan()).ToArray(), DataType.Float32, OnnxShape(binding))));
                }
                results.Add(tensors);
            }
            return results;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>A binding's shape in ONNX layout: ONNX dim <c>Layout[i]</c> is TFLite dim <c>i</c>.</summary>
    public static long[] OnnxShape(TfLiteTensorBinding binding)
    {
        var shape = new long[binding.Shape.Count];
        for (int i = 0; i < shape.Length; i++) shape[binding.Layout[i]] = binding.Shape[i];
        return shape;
    }
}

/// <summary>An <see cref="IArtifactRunner"/> over a written .tflite and a located LiteRT.js.</summary>
public sealed class TfLiteArtifactRunner(TfLiteRuntimeLocation location, TfLiteWriteResult written) : IArtifactRunner
{
    public string Runtime => location.Runtime;

    public IReadOnlyDictionary<string, IReadOnlyList<long>>? FixedInputShapes { get; } =
        written.Inputs.ToDictionary(b => b.Name, b => (IReadOnlyList<long>)TfLiteRuntime.OnnxShape(b), StringComparer.Ordinal);

    /// <summary>How long one runner process may take (all sets together).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    public IReadOnlyList<IReadOnlyList<NamedTensor>> Run(IReadOnlyList<IReadOnlyList<NamedTensor>> inputSets) =>
        TfLiteRuntime.Run(location, written.Path, written.Inputs, written.Outputs, inputSets, Timeout);
}
