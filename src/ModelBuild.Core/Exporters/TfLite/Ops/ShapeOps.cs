using System.Runtime.InteropServices;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// Operators that only make constants once shapes are static, folded at export time so that the shape arithmetic
/// torch.onnx emits around Reshape needs no TFLite operator: <c>Constant</c> (value, value_float(s), value_int(s))
/// and <c>Shape</c> (start/end) of a value with a static shape; what consumes them (Gather, Squeeze, Concat,
/// integer arithmetic) is then folded by <see cref="TfLiteConstantFolder"/>.
/// </summary>
internal static class ShapeOps
{
    public static void Constant(TfLiteLowering l, Node node)
    {
        var output = node.Outputs[0];
        var attribute = node.Attributes.FirstOrDefault() ?? throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, "no value");
        TensorData data = attribute.Name switch
        {
            "value" => attribute.Tensor!,
            "value_float" => Floats([attribute.Float], []),
            "value_floats" => Floats(attribute.Floats.ToArray(), [attribute.Floats.Count]),
            "value_int" => Longs([attribute.Int], []),
            "value_ints" => Longs(attribute.Ints.ToArray(), [attribute.Ints.Count]),
            _ => throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, $"attribute '{attribute.Name}'"),
        };
        l.AddConstant(output, data);
    }

    public static void Shape(TfLiteLowering l, Node node)
    {
        var shape = l.Shape(node.Inputs[0]);
        int rank = shape.Length;
        int Clamp(long v) => (int)Math.Clamp(v < 0 ? v + rank : v, 0, rank);
        int start = Clamp(TfLiteLowering.Int(node, "start", 0));
        int end = Clamp(TfLiteLowering.Int(node, "end", rank));
        var values = shape[start..Math.Max(start, end)];
        l.AddConstant(node.Outputs[0], Longs(values, [values.Length]));
    }

    private static TensorData Floats(float[] values, long[] shape) =>
        TensorData.FromBytes(MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), DataType.Float32, shape);

    private static TensorData Longs(long[] values, long[] shape) =>
        TensorData.FromBytes(MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), DataType.Int64, shape);
}
