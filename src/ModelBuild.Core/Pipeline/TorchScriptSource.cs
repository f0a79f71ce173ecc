using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Importers.TorchScript;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Pipeline;

/// <summary>
/// Converts a TorchScript archive's <c>forward</c> with the graph inputs the request declares (<c>--input</c>,
/// matched to forward's tensor arguments by name, else by position). A traced graph has no shapes of its own: with
/// no <c>--input</c>, the shapes come from the reference data's inputs (a dim that differs between its sets becomes
/// symbolic), and with neither the conversion stops with MBLD1170 naming the syntax.
/// </summary>
public static class TorchScriptSource
{
    public static Model Import(TorchScriptArchiveContents contents, ConversionRequest request)
    {
        var inputs = request.Inputs.Count > 0
            ? request.Inputs.Select(s => new ValueInfo(s.Name, s.ElementType, s.Shape)).ToList()
            : FromReference(request);
        return TorchScriptImporter.Import(contents, new TorchScriptImportOptions(inputs));
    }

    private static List<ValueInfo> FromReference(ConversionRequest request)
    {
        var referencePath = ReferenceFile.Resolve(request.ReferencePath, request.SourcePath);
        if (referencePath is null)
            throw new ModelBuildException(DiagnosticCode.TorchScriptInputsRequired, request.SourcePath,
                "a TorchScript model does not record its input shapes: declare them with --input \"x: float32[batch,3,224,224]\" (Inputs in MSBuild; several separated by ';'), or give reference data whose inputs have them");
        var sets = ReferenceFile.Load(referencePath).Sets;
        var first = sets[0];
        var inputs = new List<ValueInfo>();
        foreach (var input in first.Inputs)
        {
            var shape = input.Data.Shape.ToArray();
            var dims = new Dim[shape.Length];
            for (int d = 0; d < shape.Length; d++)
            {
                bool varies = sets.Any(s => s.Inputs.FirstOrDefault(i => i.Name == input.Name) is { } other
                    && (other.Data.Shape.Count != shape.Length || other.Data.Shape[d] != shape[d]));
                dims[d] = !varies ? Dim.Fixed(shape[d]) : Dim.Named(d == 0 ? "batch" : $"{input.Name}_dim{d}");
            }
            inputs.Add(new ValueInfo(input.Name, input.Data.DataType, new TensorShape(dims)));
        }
        return inputs;
    }
}
