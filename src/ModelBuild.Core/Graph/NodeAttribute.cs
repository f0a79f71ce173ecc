using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Graph;

/// <summary>One node attribute. Exactly the field that matches <see cref="Kind"/> is meaningful.</summary>
public sealed class NodeAttribute
{
    private NodeAttribute(string name, AttributeKind kind) { Name = name; Kind = kind; }

    public string Name { get; }
    public AttributeKind Kind { get; }
    public float Float { get; private init; }
    public long Int { get; private init; }
    /// <summary>ONNX strings are bytes; kept as bytes so non-UTF-8 values survive a round trip.</summary>
    public byte[] String { get; private init; } = [];
    public TensorData? Tensor { get; private init; }
    public Graph? Graph { get; private init; }
    public IReadOnlyList<float> Floats { get; private init; } = [];
    public IReadOnlyList<long> Ints { get; private init; } = [];
    public IReadOnlyList<byte[]> Strings { get; private init; } = [];
    public IReadOnlyList<TensorData> Tensors { get; private init; } = [];
    public IReadOnlyList<Graph> Graphs { get; private init; } = [];

    public string StringValue => System.Text.Encoding.UTF8.GetString(String);

    public static NodeAttribute Of(string name, float value) => new(name, AttributeKind.Float) { Float = value };
    public static NodeAttribute Of(string name, long value) => new(name, AttributeKind.Int) { Int = value };
    public static NodeAttribute Of(string name, string value) => new(name, AttributeKind.String) { String = System.Text.Encoding.UTF8.GetBytes(value) };
    public static NodeAttribute OfBytes(string name, byte[] value) => new(name, AttributeKind.String) { String = value };
    public static NodeAttribute Of(string name, TensorData value) => new(name, AttributeKind.Tensor) { Tensor = value };
    public static NodeAttribute Of(string name, Graph value) => new(name, AttributeKind.Graph) { Graph = value };
    public static NodeAttribute Of(string name, IEnumerable<float> values) => new(name, AttributeKind.Floats) { Floats = values.ToArray() };
    public static NodeAttribute Of(string name, IEnumerable<long> values) => new(name, AttributeKind.Ints) { Ints = values.ToArray() };
    public static NodeAttribute Of(string name, IEnumerable<string> values) => new(name, AttributeKind.Strings) { Strings = values.Select(System.Text.Encoding.UTF8.GetBytes).ToArray() };
    public static NodeAttribute OfBytes(string name, IEnumerable<byte[]> values) => new(name, AttributeKind.Strings) { Strings = values.ToArray() };
    public static NodeAttribute Of(string name, IEnumerable<TensorData> values) => new(name, AttributeKind.Tensors) { Tensors = values.ToArray() };
    public static NodeAttribute Of(string name, IEnumerable<Graph> values) => new(name, AttributeKind.Graphs) { Graphs = values.ToArray() };
}
