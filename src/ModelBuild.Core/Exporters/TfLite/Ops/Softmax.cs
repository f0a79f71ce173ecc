using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// ONNX <c>Softmax</c> (axis; -1 by default from opset 13, 1 before, where it meant "flatten from axis") →
/// SOFTMAX with beta 1, which works on the last TFLite axis. A value whose layout already puts the axis last (NHWC
/// and axis 1) needs nothing; otherwise it is brought to a layout that moves the axis last, which is free for a
/// value that is transposed anyway. Before opset 13, only the last axis is supported.
/// </summary>
internal static class Softmax
{
    public static void Lower(TfLiteLowering l, Node node)
    {
        var x = node.Inputs[0];
        var value = l.Value(node, x);
        int rank = value.Rank;
        int axis = TfLiteLowering.NormalizeAxis(TfLiteLowering.Int(node, "axis", l.Opset >= 13 ? -1 : 1), rank);
        if (l.Opset < 13 && axis != rank - 1)
            throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, $"axis {axis} of a rank-{rank} input at opset {l.Opset} (softmax over flattened trailing axes)");
        var layout = value.Layout;
        if (layout[^1] != axis) layout = [.. layout.Where(d => d != axis), axis];
        int input = l.Tensor(node, x, layout);
        int output = l.Define(node.Outputs[0], value.Shape, layout);
        l.Builder.AddOperator(TfLiteBuiltinOperator.SOFTMAX, [input], [output], TfLiteOperatorOptions.Softmax(1f));
    }
}
