using System.Runtime.InteropServices;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// ONNX <c>Concat</c> (axis) → CONCATENATION in the layout of the first computed input, the axis remapped
/// through that layout (NCHW axis 1 is NHWC axis 3). Concatenations of integer constants (shape arithmetic) are
/// folded at export time.
/// </summary>
internal static class Concat
{
    public static void Lower(TfLiteLowering l, Node node)
    {
        var inputs = node.Inputs.Where(i => i.Length > 0).ToList();
        int rank = l.Shape(inputs[0]).Length;
        int axis = TfLiteLowering.NormalizeAxis(TfLiteLowering.Int(node, "axis", 0), rank);
        if (inputs.All(l.IsConstant) && inputs.All(i => l.ConstantData(i).DataType == DataType.Int64))
        {
            if (rank != 1) throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, "integer constants of rank other than 1");
            var values = inputs.SelectMany(i => l.ConstantInts(node, i)).ToArray();
            l.AddConstant(node.Outputs[0], TensorData.FromBytes(MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), DataType.Int64, [values.Length]));
            return;
        }
        var first = inputs.FirstOrDefault(i => !l.IsConstant(i)) ?? inputs[0];
        var layout = l.LayoutOf(first);
        var tensors = inputs.Select(i => l.Tensor(node, i, layout)).ToArray();
        var shape = l.Shape(inputs[0]).ToArray();
        shape[axis] = inputs.Sum(i => l.Shape(i)[axis]);
        int output = l.Define(node.Outputs[0], shape, layout);
        l.Builder.AddOperator(TfLiteBuiltinOperator.CONCATENATION, tensors, [output], TfLiteOperatorOptions.Concatenation(TfLitePermutation.Inverse(layout)[axis]));
    }
}
