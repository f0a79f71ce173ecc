using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// ONNX <c>Gather</c> (axis) on a computed value with constant indices. A scalar index (ViT's class token
/// <c>x[:, 0]</c>, Swin's q/k/v <c>qkv[0]</c>) → SLICE of one position, then a RESHAPE dropping the axis, both in the
/// value's layout; other indices → GATHER with int32 indices on the axis found through the layout. Gathers whose
/// inputs are all constants (shape arithmetic, Swin's relative position bias table) are folded by
/// <see cref="TfLiteConstantFolder"/>; computed indices are not lowered (MBLD2201).
/// </summary>
internal static class Gather
{
    public static void Lower(TfLiteLowering l, Node node)
    {
        var data = node.Inputs[0];
        var indices = node.Inputs[1];
        if (!l.IsConstant(indices))
            throw TfLiteThrowHelper.UnsupportedOperator(l.File, node, "only constant indices are lowered");
        var value = l.Value(node, data);
        int rank = value.Rank;
        int axis = TfLiteLowering.NormalizeAxis(TfLiteLowering.Int(node, "axis", 0), rank);
        var indexShape = l.Shape(indices);
        var picked = l.ConstantInts(node, indices).Select(i => i < 0 ? i + value.Shape[axis] : i).ToArray();
        if (picked.Any(i => i < 0 || i >= value.Shape[axis]))
            throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, $"an index outside the axis length {value.Shape[axis]}");
        var name = node.Outputs[0];
        int position = Array.IndexOf(value.Layout, axis);

        if (indexShape.Length == 0)
        {
            var begin = new long[rank];
            begin[axis] = picked[0];
            var size = (long[])value.Shape.Clone();
            size[axis] = 1;
            int sliced = l.Temporary(name + "/slice", TfLitePermutation.Apply(size, value.Layout));
            l.Builder.AddOperator(TfLiteBuiltinOperator.SLICE,
                [value.Tensor, l.IntConstant(name + "/begin", TfLitePermutation.Apply(begin, value.Layout).Select(v => checked((int)v)).ToArray()),
                 l.IntConstant(name + "/size", TfLitePermutation.Apply(size, value.Layout).Select(v => checked((int)v)).ToArray())],
                [sliced], TfLiteOperatorOptions.None);
            long[] outShape = [.. value.Shape[..axis], .. value.Shape[(axis + 1)..]];
            // The layout without the axis, dims after it renumbered.
            var layout = value.Layout.Where(d => d != axis).Select(d => d > axis ? d - 1 : d).ToArray();
            int output = l.Define(name, outShape, layout);
            l.Reshape(name, sliced, output, TfLitePermutation.Apply(outShape, layout));
            return;
        }

        var input = value.Tensor;
        var inLayout = value.Layout;
        if (indexShape.Length != 1)
        {
            inLayout = TfLitePermutation.Identity(rank);
            input = l.Tensor(node, data, inLayout);
            position = axis;
        }
        long[] shape = [.. value.Shape[..axis], .. indexShape, .. value.Shape[(axis + 1)..]];
        // With one index dim the output keeps the input's layout; with several, ONNX order.
        var outLayout = indexShape.Length == 1 ? inLayout : TfLitePermutation.Identity(shape.Length);
        int result = l.Define(name, shape, outLayout);
        int indexTensor = l.Builder.AddConstant(l.UniqueName(name + "/indices"), TfLiteTensorType.Int32, l.IntShape(name, indexShape),
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(picked.Select(i => (int)i).ToArray().AsSpan()).ToArray());
        l.Builder.AddOperator(TfLiteBuiltinOperator.GATHER, [input, indexTensor], [result], TfLiteOperatorOptions.Gather(position));
    }
}
