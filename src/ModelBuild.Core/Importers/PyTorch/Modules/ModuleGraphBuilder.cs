using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;
using OnnxGraph = ModelBuild.Core.Graph.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules;

/// <summary>
/// The graph a whole-module conversion builds: opset 17, one node per ONNX op the converters add, initializers
/// named as <c>state_dict()</c> names them (weights stay lazy in the source file), and unique names for the rest
/// (<c>/features.0/Conv</c>, <c>/features.0/Conv_output_0</c>, the way torch.onnx names nodes).
/// </summary>
internal sealed class ModuleGraphBuilder
{
    public const long Opset = 17;

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public ModuleGraphBuilder(PyTorchFile file)
    {
        File = file;
        Model = new Model(new OnnxGraph { Name = "main" });
        Model.OpsetImports[""] = Opset;
    }

    public PyTorchFile File { get; }
    public Model Model { get; }
    public OnnxGraph Graph => Model.Graph;

    /// <summary>The name itself when free, else the first of <c>name_1</c>, <c>name_2</c>… that is.</summary>
    public string Unique(string name)
    {
        if (_names.Add(name)) return name;
        for (int i = 1; ; i++)
        {
            var candidate = $"{name}_{i}";
            if (_names.Add(candidate)) return candidate;
        }
    }

    public ModuleValue AddInput(ValueInfo input)
    {
        var name = Unique(input.Name);
        Graph.Inputs.Add(new ValueInfo(name, input.ElementType, input.Shape));
        return new ModuleValue(name, input.ElementType, input.Shape!);
    }

    public string AddInitializer(string name, TensorData data)
    {
        var unique = Unique(name);
        Graph.Initializers.Add(new Initializer(unique, data));
        return unique;
    }

    public ModuleValue AddNode(string path, string opType, IReadOnlyList<string> inputs, DataType type, TensorShape shape, IReadOnlyList<NodeAttribute> attributes)
    {
        var scope = path.Length == 0 ? "" : "/" + path;
        var nodeName = Unique($"{scope}/{opType}");
        var output = Unique($"{nodeName}_output_0");
        var node = new Node(opType, inputs, [output], nodeName);
        node.Attributes.AddRange(attributes);
        Graph.Nodes.Add(node);
        return new ModuleValue(output, type, shape);
    }

    /// <summary>
    /// Makes <paramref name="result"/> the graph output <c>output</c>: the node that computes it is renamed, or an
    /// Identity is added when the whole model is the identity (the result is the input itself).
    /// </summary>
    public void SetOutput(ModuleValue result, string name)
    {
        var producer = Graph.Nodes.FirstOrDefault(n => n.Outputs.Contains(result.Name));
        bool usedElsewhere = Graph.Nodes.Any(n => n.Inputs.Contains(result.Name));
        if (producer is not null && !usedElsewhere && _names.Add(name))
        {
            producer.Outputs[producer.Outputs.IndexOf(result.Name)] = name;
        }
        else
        {
            var node = new Node("Identity", [result.Name], [Unique(name)], Unique("/Identity"));
            Graph.Nodes.Add(node);
            name = node.Outputs[0];
        }
        Graph.Outputs.Add(new ValueInfo(name, result.ElementType, result.Shape));
    }
}
