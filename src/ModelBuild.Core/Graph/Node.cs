namespace ModelBuild.Core.Graph;

/// <summary>
/// One operator application with ONNX semantics: <see cref="OpType"/> in <see cref="Domain"/> ("" is the
/// default ONNX domain). An empty string in <see cref="Inputs"/> is an omitted optional input, as in ONNX.
/// </summary>
public sealed class Node
{
    public Node(string opType, IEnumerable<string> inputs, IEnumerable<string> outputs, string name = "", string domain = "")
    {
        OpType = opType;
        Inputs = inputs.ToList();
        Outputs = outputs.ToList();
        Name = name;
        Domain = domain;
    }

    public string Name { get; set; }
    public string OpType { get; set; }
    public string Domain { get; set; }
    public List<string> Inputs { get; }
    public List<string> Outputs { get; }
    public List<NodeAttribute> Attributes { get; } = [];
    public string? DocString { get; set; }

    public NodeAttribute? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);

    public override string ToString() => $"{OpType}({Name})";
}
