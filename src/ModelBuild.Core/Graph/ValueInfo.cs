using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Graph;

/// <summary>A named tensor value in the graph with its element type and (possibly symbolic) shape.</summary>
public sealed class ValueInfo
{
    public ValueInfo(string name, DataType elementType, TensorShape? shape, string? docString = null)
    {
        Name = name;
        ElementType = elementType;
        Shape = shape;
        DocString = docString;
    }

    public string Name { get; set; }
    public DataType ElementType { get; set; }
    public TensorShape? Shape { get; set; }
    public string? DocString { get; set; }

    public override string ToString() => $"{Name}: {DataTypes.Name(ElementType)}{Shape?.ToString() ?? "[?]"}";
}
