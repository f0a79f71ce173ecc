using System.Runtime.InteropServices;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;
using GraphModel = ModelBuild.Core.Graph.Graph;

namespace ModelBuild.Core.Tests.Exporters.TfLite;

/// <summary>A tiny builder for one-operator (or few-operator) ONNX graphs with seeded weights, for per-op tests.</summary>
internal sealed class TfLiteTestGraph
{
    private readonly GraphModel _graph = new() { Name = "op_test" };
    private readonly Random _random = new(11);
    private int _next;

    public TfLiteTestGraph(long opset = 17)
    {
        Model = new Model(_graph);
        Model.OpsetImports[""] = opset;
    }

    public Model Model { get; }

    public string Input(string name, params long[] shape)
    {
        _graph.Inputs.Add(new ValueInfo(name, DataType.Float32, TensorShape.Of(shape)));
        return name;
    }

    public string Weight(params long[] shape)
    {
        var values = new float[shape.Aggregate(1L, (p, d) => p * d)];
        for (int i = 0; i < values.Length; i++) values[i] = (float)(_random.NextDouble() - 0.5);
        return Const(values, shape);
    }

    public string Const(float[] values, params long[] shape) => Add(TensorData.FromBytes(MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), DataType.Float32, shape));

    public string Scalar(long value) => Add(TensorData.FromBytes(BitConverter.GetBytes(value), DataType.Int64, []));

    public string Ints(params long[] values) => Add(TensorData.FromBytes(MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), DataType.Int64, [values.Length]));

    public string Op(string opType, string[] inputs, params NodeAttribute[] attributes)
    {
        var output = $"{opType.ToLowerInvariant()}_{_next++}";
        var node = new Node(opType, inputs, [output], $"{opType}_{_next}");
        node.Attributes.AddRange(attributes);
        _graph.Nodes.Add(node);
        return output;
    }

    /// <summary>An operator with several outputs (Split).</summary>
    public string[] Op(string opType, string[] inputs, int outputs, params NodeAttribute[] attributes)
    {
        var names = Enumerable.Range(0, outputs).Select(k => $"{opType.ToLowerInvariant()}_{_next}_{k}").ToArray();
        var node = new Node(opType, inputs, names, $"{opType}_{_next++}");
        node.Attributes.AddRange(attributes);
        _graph.Nodes.Add(node);
        return names;
    }

    public TfLiteTestGraph Output(string name)
    {
        _graph.Outputs.Add(new ValueInfo(name, DataType.Float32, null));
        return this;
    }

    public static NodeAttribute A(string name, long value) => NodeAttribute.Of(name, value);
    public static NodeAttribute A(string name, float value) => NodeAttribute.Of(name, value);
    public static NodeAttribute A(string name, string value) => NodeAttribute.Of(name, value);
    public static NodeAttribute A(string name, params long[] values) => NodeAttribute.Of(name, values);

    private string Add(TensorData data)
    {
        var name = $"const_{_next++}";
        _graph.Initializers.Add(new Initializer(name, data));
        return name;
    }
}
