namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>One tensor of the subgraph being built: static shape, element type and buffer (0 = no data).</summary>
internal sealed class TfLiteTensor(string name, TfLiteTensorType type, int[] shape, int buffer)
{
    public string Name { get; set; } = name;
    public TfLiteTensorType Type { get; } = type;
    public int[] Shape { get; } = shape;
    public int Buffer { get; } = buffer;

    public bool IsConstant => Buffer != 0;
}
