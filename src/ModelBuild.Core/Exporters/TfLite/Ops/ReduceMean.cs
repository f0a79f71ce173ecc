using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// ONNX <c>ReduceMean</c> (axes as attribute before opset 18, as a constant input from 18; keepdims, default 1)
/// → MEAN with constant int32 axes. With keepdims the input's layout is kept and the axes remapped through it;
/// without, the reduction runs in ONNX order.
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
        var layout = keep ? l.LayoutOf(input) : TfLitePermutation.Identity(shape.Length);
        var inverse = TfLitePermutation.Inverse(layout);
        int tensor = l.Tensor(node, input, layout);
        int axesTensor = l.IntConstant(output + "/axes", axes.Select(a => inverse[a]).Order().ToArray());
        long[] outShape = keep
            ? shape.Select((d, i) => axes.Contains(i) ? 1 : d).ToArray()
            : shape.Where((_, i) => !axes.Contains(i)).ToArray();
        int result = l.Define(output, outShape, keep ? layout : TfLitePermutation.Identity(outShape.Length));
        l.Builder.AddOperator(TfLiteBuiltinOperator.MEAN, [tensor, axesTensor], [result], TfLiteOperatorOptions.Reducer(keep));
    }
}
