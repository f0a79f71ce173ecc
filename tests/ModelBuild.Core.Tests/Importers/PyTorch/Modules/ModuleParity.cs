using ModelBuild.Core.Exporters.Onnx;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Importers.PyTorch;
using ModelBuild.Core.Importers.PyTorch.Modules;
using ModelBuild.Core.Pipeline;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules;

/// <summary>
/// Runs one fixture of tests/fixtures/modules (a torch.save(model) file and the outputs PyTorch computed for it at
/// batch 2 and 3) through the whole-module importer, the ONNX writer and ONNX Runtime, at an explicit tolerance.
/// </summary>
internal static class ModuleParity
{
    /// <summary>Explicit per-converter tolerance: absolute only, tighter than the gate's default relative part.</summary>
    public const string Atol = "1e-5";

    public static string PathOf(string fixture) => Path.Combine(AppContext.BaseDirectory, "fixtures", "modules", fixture + ".pt");

    public static PyTorchFile Read(string fixture) => PyTorchReader.Read(PathOf(fixture));

    public static Model Import(PyTorchFile file, string signature)
    {
        var input = InputSignature.Parse(signature);
        return StandardModuleImporter.Import(file, [new ValueInfo(input.Name, input.ElementType, input.Shape)]);
    }

    public sealed record Result(Model Model, VerificationReport Report)
    {
        public IReadOnlyList<string> OpTypes => Model.Graph.Nodes.Select(n => n.OpType).ToArray();

        public override string ToString() => string.Join("; ", Report.Sets.SelectMany(s => s.Comparisons.Select(c => $"{s.Name}/{c.Name}: {(c.Passed ? "pass" : "FAIL")} max abs {c.MaxAbs:e2} {c.Message}")))
            + $" [{string.Join(", ", Report.Issues.Select(i => i.ToString()))}] ops: {string.Join(" ", OpTypes)}";
    }

    public static Result Run(string fixture, string signature)
    {
        var model = Import(Read(fixture), signature);
        var folder = Path.Combine(Path.GetTempPath(), "modelbuild-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var onnx = Path.Combine(folder, "model.onnx");
            OnnxWriter.Write(model, onnx);
            var reference = ReferenceFile.Load(Path.ChangeExtension(PathOf(fixture), ".ref.npz"));
            var report = Verifier.Verify(new VerificationRequest(onnx, reference, ToleranceSpec.Parse(Atol, "0", Precision.Fp32)));
            return new Result(model, report);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Asserts parity at both batch sizes and that the graph uses <paramref name="opTypes"/>.</summary>
    public static Result AssertMatchesPyTorch(string fixture, string signature, params string[] opTypes)
    {
        var result = Run(fixture, signature);
        Assert.True(result.Report.Passed, result.ToString());
        Assert.Equal(2, result.Report.Sets.Count);
        foreach (var op in opTypes) Assert.Contains(op, result.OpTypes);
        var input = Assert.Single(result.Model.Graph.Inputs);
        Assert.Equal("batch", input.Shape!.Dims[0].Symbol);
        Assert.Equal("output", Assert.Single(result.Model.Graph.Outputs).Name);
        return result;
    }
}
