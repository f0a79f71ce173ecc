using System.IO.Compression;
using System.Runtime.InteropServices;
using ModelBuild.Core.Exporters.Onnx;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Importers.TorchScript;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tensors.Numpy;
using ModelBuild.Core.Tests.TestSupport;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Tests.Importers.TorchScript;

/// <summary>
/// Loads the fixtures tests/fixtures/torchscript/generate.py made with PyTorch: the code files of a
/// <c>torch.jit.save</c> archive (read with ZipArchive; the pickle reader is another branch's), its state_dict and
/// constants from the <c>.params.npz</c> beside it, and PyTorch's reference outputs. Converts, writes with
/// <see cref="OnnxWriter"/>, runs with <see cref="OnnxRuntimeRunner"/> and compares.
/// </summary>
internal static class TorchScriptFixtures
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "fixtures", "torchscript");

    /// <summary>The archive <c>&lt;name&gt;.pt</c> with parameters from <c>&lt;name&gt;.params.npz</c>.</summary>
    public static TorchScriptModule LoadArchive(string name)
    {
        var archivePath = Path.Combine(Folder, name + ".pt");
        var code = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var zip = ZipFile.OpenRead(archivePath))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.Contains("/code/", StringComparison.Ordinal) && e.FullName.EndsWith(".py", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open());
                code[entry.FullName] = reader.ReadToEnd();
            }
        }
        var tensors = NpzReader.Read(Path.Combine(Folder, name + ".params.npz"));
        return Load(code, archivePath, tensors.Where(t => !t.Name.StartsWith("CONSTANTS.", StringComparison.Ordinal)), Constants(tensors, "CONSTANTS."));
    }

    /// <summary>An op case: <c>ops/&lt;name&gt;.py</c> (code/__torch__.py of a one-op traced module) and its constants.</summary>
    public static TorchScriptModule LoadOpCase(string name, out IReadOnlyList<NamedTensor> reference)
    {
        var source = File.ReadAllText(Path.Combine(Folder, "ops", name + ".py"));
        reference = NpzReader.Read(Path.Combine(Folder, "ops", name + ".ref.npz"));
        return Load(new Dictionary<string, string> { ["code/__torch__.py"] = source }, $"ops/{name}.py", [], Constants(reference, "constant."));
    }

    /// <summary>Code given as text (parser and diagnostic tests): one file, code/__torch__.py.</summary>
    public static TorchScriptModule FromSource(string source, IEnumerable<NamedTensor>? stateDict = null) =>
        Load(new Dictionary<string, string> { ["code/__torch__.py"] = source }, "test.pt", stateDict ?? [], []);

    private static TorchScriptModule Load(IReadOnlyDictionary<string, string> code, string archivePath, IEnumerable<NamedTensor> stateDict, IReadOnlyList<TensorData> constants)
    {
        var program = TorchScriptProgram.Parse(code, archivePath);
        var rootType = program.Files.Single(f => f.Qualifier == "__torch__").Classes[0].QualifiedName;
        var root = TorchScriptObjectTree.FromStateDict(program, rootType, stateDict);
        return new TorchScriptModule(program, root, constants);
    }

    private static List<TensorData> Constants(IReadOnlyList<NamedTensor> tensors, string prefix) =>
        tensors.Where(t => t.Name.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(t => int.Parse(t.Name[(prefix.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            .Select(t => t.Data).ToList();

    /// <summary>Graph inputs for every <c>input.&lt;name&gt;</c> of a reference file, with its static shape.</summary>
    public static List<ValueInfo> InputsOf(IReadOnlyList<NamedTensor> reference) =>
        reference.Where(t => t.Name.StartsWith("input.", StringComparison.Ordinal))
            .Select(t => new ValueInfo(t.Name["input.".Length..], t.Data.DataType, TensorShape.Of(t.Data.Shape.ToArray())))
            .ToList();

    /// <summary>Converts, writes the ONNX file, runs it on the reference inputs and returns the outputs.</summary>
    public static IReadOnlyList<NamedTensor> ConvertAndRun(TorchScriptModule module, IReadOnlyList<NamedTensor> reference, out Model model)
    {
        model = TorchScriptGraphBuilder.Build(module, new TorchScriptImportOptions(InputsOf(reference)));
        using var dir = new TempDirectory();
        var path = dir.File("model.onnx");
        OnnxWriter.Write(model, path);
        using var runner = new OnnxRuntimeRunner(path);
        var inputs = reference.Where(t => t.Name.StartsWith("input.", StringComparison.Ordinal))
            .Select(t => new NamedTensor(t.Name["input.".Length..], t.Data)).ToList();
        return runner.Run(inputs);
    }

    /// <summary>Converts with the given graph inputs (symbolic dims allowed), writes the ONNX file and runs it on <paramref name="inputs"/>.</summary>
    public static IReadOnlyList<NamedTensor> ConvertAndRun(TorchScriptModule module, IReadOnlyList<ValueInfo> graphInputs, IReadOnlyList<NamedTensor> inputs, out Model model)
    {
        model = TorchScriptGraphBuilder.Build(module, new TorchScriptImportOptions(graphInputs));
        using var dir = new TempDirectory();
        var path = dir.File("model.onnx");
        OnnxWriter.Write(model, path);
        using var runner = new OnnxRuntimeRunner(path);
        return runner.Run(inputs);
    }

    /// <summary>A float32 tensor of <paramref name="shape"/> holding 0, 0.1, 0.2, … (deterministic test data).</summary>
    public static TensorData Ramp(params long[] shape)
    {
        var values = new float[shape.Aggregate(1L, (a, b) => a * b)];
        for (int i = 0; i < values.Length; i++) values[i] = i * 0.1f - 1;
        return TensorData.FromBytes(MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), DataType.Float32, shape);
    }

    public static float[] Floats(TensorData data) => MemoryMarshal.Cast<byte, float>(data.ReadAllBytes()).ToArray();

    /// <summary>Asserts float32 outputs agree elementwise within <c>atol + rtol·|expected|</c>.</summary>
    public static void AssertClose(TensorData expected, TensorData actual, double atol, double rtol)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        var e = MemoryMarshal.Cast<byte, float>(expected.ReadAllBytes()).ToArray();
        var a = MemoryMarshal.Cast<byte, float>(actual.ReadAllBytes()).ToArray();
        Assert.Equal(e.Length, a.Length);
        for (int i = 0; i < e.Length; i++)
            Assert.True(Math.Abs(e[i] - a[i]) <= atol + rtol * Math.Abs(e[i]), $"element {i}: ONNX Runtime {a[i]} vs PyTorch {e[i]}");
    }

    /// <summary>Runs op case <paramref name="name"/> and checks ONNX Runtime against PyTorch at <paramref name="atol"/>.</summary>
    public static Model AssertOpCase(string name, double atol, double rtol = 1e-4)
    {
        var module = LoadOpCase(name, out var reference);
        var outputs = ConvertAndRun(module, reference, out var model);
        var expected = reference.Single(t => t.Name == "output.output").Data;
        AssertClose(expected, Assert.Single(outputs).Data, atol, rtol);
        return model;
    }

    /// <summary>
    /// Runs op case <paramref name="name"/> with the first dim of <paramref name="batchedInputs"/> declared as the
    /// symbolic <c>batch</c>, so whatever reads that size must do it at run time, and checks it against PyTorch.
    /// </summary>
    public static Model AssertOpCaseWithSymbolicBatch(string name, string[] batchedInputs, double atol, double rtol = 1e-4)
    {
        var module = LoadOpCase(name, out var reference);
        var graphInputs = InputsOf(reference)
            .Select(v => batchedInputs.Contains(v.Name) ? new ValueInfo(v.Name, v.ElementType, new TensorShape([Dim.Named("batch"), .. v.Shape!.Dims.Skip(1)])) : v).ToList();
        var inputs = reference.Where(t => t.Name.StartsWith("input.", StringComparison.Ordinal)).Select(t => new NamedTensor(t.Name["input.".Length..], t.Data)).ToList();
        var outputs = ConvertAndRun(module, graphInputs, inputs, out var model);
        AssertClose(reference.Single(t => t.Name == "output.output").Data, Assert.Single(outputs).Data, atol, rtol);
        return model;
    }
}
