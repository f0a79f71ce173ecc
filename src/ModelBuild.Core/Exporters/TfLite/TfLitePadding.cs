namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// <c>Padding</c>: TensorFlow's two padding modes. SAME pads <c>max((ceil(in/s)-1)·s + (k-1)·d + 1 - in, 0)</c>
/// in total, the smaller half before; anything else ONNX can say needs an explicit PAD and VALID.
/// </summary>
public enum TfLitePadding : sbyte
{
    Same = 0,
    Valid = 1,
}
