namespace ModelBuild.Core.Graph;

/// <summary>Kinds of node attributes; the values are ONNX's <c>AttributeProto.AttributeType</c> numbers.</summary>
public enum AttributeKind
{
    Float = 1,
    Int = 2,
    String = 3,
    Tensor = 4,
    Graph = 5,
    Floats = 6,
    Ints = 7,
    Strings = 8,
    Tensors = 9,
    Graphs = 10,
}
