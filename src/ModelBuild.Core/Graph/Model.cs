namespace ModelBuild.Core.Graph;

/// <summary>A graph together with the model-level facts ONNX keeps beside it: opset imports and metadata.</summary>
public sealed class Model
{
    public Model(Graph graph) => Graph = graph;

    public Graph Graph { get; }

    /// <summary>Operator set per domain ("" is ai.onnx). Sorted so the written bytes do not depend on insertion order.</summary>
    public SortedDictionary<string, long> OpsetImports { get; } = new(StringComparer.Ordinal);

    /// <summary>ONNX IR version; 8 pairs with opsets up to 18 and is what ONNX Runtime 1.x reads everywhere.</summary>
    public long IrVersion { get; set; } = 8;

    public string? DocString { get; set; }

    /// <summary>ONNX <c>metadata_props</c>, written sorted by key.</summary>
    public SortedDictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);
}
