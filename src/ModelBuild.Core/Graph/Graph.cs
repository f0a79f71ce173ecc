namespace ModelBuild.Core.Graph;

/// <summary>
/// The hub: one computation graph with ONNX semantics. Importers build it, passes rewrite it, exporters lower
/// it. Node order is meaningful (exporters keep it), and <see cref="Initializers"/> hold lazy weights.
/// </summary>
public sealed class Graph
{
    public string Name { get; set; } = "main";
    public List<ValueInfo> Inputs { get; } = [];
    public List<ValueInfo> Outputs { get; } = [];
    public List<Node> Nodes { get; } = [];
    public List<Initializer> Initializers { get; } = [];

    /// <summary>Known types of intermediate values (ONNX <c>value_info</c>).</summary>
    public List<ValueInfo> ValueInfos { get; } = [];

    public string? DocString { get; set; }
}
