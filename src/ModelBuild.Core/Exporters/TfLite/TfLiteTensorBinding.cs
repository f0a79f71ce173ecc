namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// A graph input or output of the written file: its name (the ONNX value's), its static TFLite shape, and its
/// layout: TFLite dim <c>i</c> is ONNX dim <c>Layout[i]</c> (identity unless NHWC I/O was asked for).
/// </summary>
public sealed record TfLiteTensorBinding(string Name, IReadOnlyList<int> Shape, IReadOnlyList<int> Layout)
{
    public bool IsOnnxLayout => Layout.Select((d, i) => d == i).All(x => x);
}
