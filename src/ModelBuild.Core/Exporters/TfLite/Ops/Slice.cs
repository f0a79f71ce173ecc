using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// ONNX <c>Slice</c> with constant starts/ends/axes/steps → SLICE (begin, size as int32) for unit steps, else
/// STRIDED_SLICE (begin, end, strides; Swin's patch merging takes <c>x[:, 0::2, 1::2]</c>), in the input's current
/// layout, the per-dim bounds permuted through it (no transpose back to ONNX order). torch.onnx emits it to split
/// a packed q/k/v projection. Negative steps (reversal) are not lowered (MBLD2202).
/// </summary>
internal static class Slice
{
    public static void Lower(TfLiteLowering l, Node node)
    {
        if (node.Inputs.Count < 3)
            throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, "Slice before opset 10 (starts/ends as attributes)");
        var value = l.Value(node, node.Inputs[0]);
        long[]? Optional(int i) => node.Inputs.Count > i && node.Inputs[i].Length > 0 ? l.ConstantInts(node, node.Inputs[i]) : null;
        var bounds = SliceBounds.Resolve(value.Shape, l.ConstantInts(node, node.Inputs[1]), l.ConstantInts(node, node.Inputs[2]), Optional(3), Optional(4));
        if (bounds.Step.Any(s => s < 0))
            throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, "negative steps");
        if (!bounds.Contiguous)
        {
            // end is one past the last element taken, so the stride never reaches past the input.
            var end = bounds.Begin.Select((b, i) => bounds.Size[i] == 0 ? b : b + (bounds.Size[i] - 1) * bounds.Step[i] + 1).ToArray();
            int[] Permuted(long[] v) => TfLitePermutation.Apply(v, value.Layout).Select(x => checked((int)x)).ToArray();
            int strided = l.Define(node.Outputs[0], bounds.OutputShape, value.Layout);
            l.Builder.AddOperator(TfLiteBuiltinOperator.STRIDED_SLICE,
                [value.Tensor, l.IntConstant(node.Outputs[0] + "/begin", Permuted(bounds.Begin)), l.IntConstant(node.Outputs[0] + "/end", Permuted(end)),
                 l.IntConstant(node.Outputs[0] + "/strides", Permuted(bounds.Step))],
                [strided], TfLiteOperatorOptions.Empty(TfLiteBuiltinOptions.StridedSliceOptions));
            return;
        }
        var begin = TfLitePermutation.Apply(bounds.Begin, value.Layout).Select(v => checked((int)v)).ToArray();
        var size = TfLitePermutation.Apply(bounds.Size, value.Layout).Select(v => checked((int)v)).ToArray();
        int output = l.Define(node.Outputs[0], bounds.OutputShape, value.Layout);
        l.Builder.AddOperator(TfLiteBuiltinOperator.SLICE,
            [value.Tensor, l.IntConstant(node.Outputs[0] + "/begin", begin), l.IntConstant(node.Outputs[0] + "/size", size)], [output], TfLiteOperatorOptions.None);
    }
}
