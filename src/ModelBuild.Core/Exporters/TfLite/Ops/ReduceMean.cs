using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// ONNX <c>ReduceMean</c> (axes as attribute before opset 18, as a constant input from 18; keepdims, default 1)
/// → MEAN with constant int32 axes, in the input's layout with the axes remapped through it; without keepdims the
/// output keeps the remaining dims in that order (MnasNet's NHWC <c>mean([2, 3])</c> needs no TRANSPOSE).
/// </summary>
internal static class ReduceMean
{
    public static void Lower(TfLiteLowering l, Node node)
    {
        var x = node.Inputs[0];
        var shape = l.Shape(x);
        int rank = shape.Length;
        long[]? axes = l.Opset < 18
            ? node.Attribute("axes")?.Ints.ToArray()
            : node.Inputs.Count > 1 && node.Inputs[1].Length > 0 ? l.ConstantInts(node, node.Inputs[1]) : null;
        var reduce = (axes ?? Enumerable.Range(0, rank).Select(i => (long)i).ToArray()).Select(a => TfLiteLowering.NormalizeAxis(a, rank)).Distinct().Order().ToArray();
        bool keep = TfLiteLowering.Int(node, "keepdims", 1) != 0;
        Emit(l, node, x, node.Outputs[0], reduce, keep);
    }

    /// <summary>MEAN over ONNX <paramref name="axes"/> of <paramref name="input"/>, defining <paramref name="output"/>.</summary>
    public static void Emit(TfLiteLowering l, Node node, string input, string output, int[] axes, bool keep)
    {
        var shape = l.Shape(input);
        var layout = l.LayoutOf(input);
        var inverse = TfLitePermutation.Inverse(layout);
        int tensor = l.Tensor(node, input, layout);
        int axesTensor = l.IntConstant(output + "/axes", axes.Select(a => inverse[a]).Order().ToArray());
        long[] outShape = keep
            ? shape.Select((d, i) => axes.Contains(i) ? 1 : d).ToArray()
            : shape.Where((_, i) => !axes.Contains(i)).ToArray();
        // Without keepdims the remaining dims stay in the order the layout had them, renumbered.
        var outLayout = keep ? layout : layout.Where(d => !axes.Contains(d)).Select(d => d - axes.Count(a => a < d)).ToArray();
        int result = l.Define(output, outShape, outLayout);
        l.Builder.AddOperator(TfLiteBuiltinOperator.MEAN, [tensor, axesTensor], [result], TfLiteOperatorOptions.Reducer(keep));
    }
}
