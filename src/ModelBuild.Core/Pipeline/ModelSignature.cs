using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Pipeline;

/// <summary>
/// The ONNX artifact's interface as it was written: the graph inputs a caller feeds (initializers excluded) and
/// the outputs, copied so later passes on the in-memory model cannot change what describes the written file.
/// </summary>
public sealed record ModelSignature(IReadOnlyList<ValueInfo> Inputs, IReadOnlyList<ValueInfo> Outputs)
{
    public static ModelSignature Of(Graph.Graph graph)
    {
        var weights = graph.Initializers.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        return new ModelSignature(
            graph.Inputs.Where(i => !weights.Contains(i.Name)).Select(Copy).ToArray(),
            graph.Outputs.Select(Copy).ToArray());
    }

    private static ValueInfo Copy(ValueInfo value) => new(value.Name, value.ElementType, value.Shape, value.DocString);
}
