using ModelBuild.Core.Exporters.Onnx;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Importers.TorchScript;
using ModelBuild.Core.Pipeline;
using ModelBuild.Core.Tests.TestSupport;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Tests.Importers.TorchScript;

/// <summary>
/// The recurrent fixtures tests/fixtures/rnn/generate.py traced with PyTorch (batch 2, sequence 4): each archive is
/// read by the real archive reader, converted with the input signature given (symbolic dims allowed), written,
/// and run by ONNX Runtime on both reference sets (batch 1 × sequence 5, batch 3 × sequence 7), every output
/// compared with PyTorch's at the default fp32 tolerance.
/// </summary>
internal static class RecurrentFixtures
{
    public const double Atol = 1e-5;
    public const double Rtol = 1e-4;

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "fixtures", "rnn");

    /// <summary>Converts <c>rnn/&lt;name&gt;.pt</c> with <paramref name="signature"/> (<c>x: float32[seq,batch,4]; h0: …</c>) and checks both sets.</summary>
    /// <param name="sets">The reference sets to run (all when null): a static signature fits one of them only.</param>
    public static Model AssertCase(string name, string signature, int[]? sets = null)
    {
        var model = Convert(name, signature);
        var reference = ReferenceFile.Load(Path.Combine(Folder, name + ".ref.npz"));
        Assert.Equal(2, reference.Sets.Count);
        using var dir = new TempDirectory();
        var path = dir.File("model.onnx");
        OnnxWriter.Write(model, path);
        using var runner = new OnnxRuntimeRunner(path);
        foreach (var set in reference.Sets.Where((_, k) => sets is null || sets.Contains(k)))
        {
            var outputs = runner.Run(set.Inputs);
            Assert.Equal(set.Outputs.Count, outputs.Count);
            foreach (var expected in set.Outputs)
                TorchScriptFixtures.AssertClose(expected.Data, Assert.Single(outputs, o => o.Name == expected.Name).Data, Atol, Rtol);
        }
        return model;
    }

    /// <summary>Converts <c>rnn/&lt;name&gt;.pt</c> with <paramref name="signature"/>, as <c>modelbuild convert --input</c> would.</summary>
    public static Model Convert(string name, string signature)
    {
        var inputs = InputSignature.ParseMany(signature).Select(s => new ValueInfo(s.Name, s.ElementType, s.Shape)).ToList();
        return TorchScriptImporter.Import(TorchScriptArchiveReader.Read(Path.Combine(Folder, name + ".pt")), new TorchScriptImportOptions(inputs));
    }
}
