namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>An ONNX value as lowered: its TFLite tensor, its ONNX shape (static), and its layout (see <see cref="TfLitePermutation"/>).</summary>
internal sealed record TfLiteValue(int Tensor, long[] Shape, int[] Layout)
{
    public int Rank => Shape.Length;
}
