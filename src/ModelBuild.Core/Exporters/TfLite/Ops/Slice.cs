using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// ONNX <c>Slice</c> with constant starts/ends/axes and unit steps → SLICE (begin, size as int32) in the input's
/// current layout, the per-dim bounds permuted through it (no transpose back to ONNX order). torch.onnx emits it
/// to split a packed q/k/v projection. Steps other than 1 are not lowered yet (MBLD2202).
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
        if (!bounds.Contiguous)
            throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, "steps other than 1");
        var begin = TfLitePermutation.Apply(bounds.Begin, value.Layout).Select(v => checked((int)v)).ToArray();
        var size = TfLitePermutation.Apply(bounds.Size, value.Layout).Select(v => checked((int)v)).ToArray();
        int output = l.Define(node.Outputs[0], bounds.OutputShape, value.Layout);
        l.Builder.AddOperator(TfLiteBuiltinOperator.SLICE,
            [value.Tensor, l.IntConstant(node.Outputs[0] + "/begin", begin), l.IntConstant(node.Outputs[0] + "/size", size)], [output], TfLiteOperatorOptions.None);
    }
}
