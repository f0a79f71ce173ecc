using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// ONNX <c>Split</c> (axis; sizes as the <c>split</c> attribute before opset 13, as an optional constant input from
/// 13, else equal parts, the last one smaller under opset 18's num_outputs) → one SLICE per output in the input's
/// layout, the axis found through it: ShuffleNet's channel split of an NHWC value needs no transpose. SLICE rather
/// than SPLIT/SPLIT_V because it covers unequal sizes with an operator every TFLite runtime has. A split of a
/// constant (torch's packed q/k/v projection weights) is folded by <see cref="TfLiteConstantFolder"/>.
/// </summary>
internal static class Split
{
    public static void Lower(TfLiteLowering l, Node node)
    {
        var value = l.Value(node, node.Inputs[0]);
        int axis = TfLiteLowering.NormalizeAxis(TfLiteLowering.Int(node, "axis", 0), value.Rank);
        var sizes = Sizes(l, node, value.Shape[axis]);
        long offset = 0;
        for (int k = 0; k < sizes.Length; k++)
        {
            var begin = new long[value.Rank];
            begin[axis] = offset;
            var size = (long[])value.Shape.Clone();
            size[axis] = sizes[k];
            offset += sizes[k];
            if (k >= node.Outputs.Count || node.Outputs[k].Length == 0) continue;
            var name = node.Outputs[k];
            int output = l.Define(name, size, value.Layout);
            l.Builder.AddOperator(TfLiteBuiltinOperator.SLICE,
                [value.Tensor, l.IntConstant(name + "/begin", TfLitePermutation.Apply(begin, value.Layout).Select(v => checked((int)v)).ToArray()),
                 l.IntConstant(name + "/size", TfLitePermutation.Apply(size, value.Layout).Select(v => checked((int)v)).ToArray())],
                [output], TfLiteOperatorOptions.None);
        }
    }

    /// <summary>The part sizes along the split axis of length <paramref name="dim"/>.</summary>
    public static long[] Sizes(TfLiteLowering l, Node node, long dim)
    {
        long[]? sizes = l.Opset < 13
            ? node.Attribute("split")?.Ints.ToArray()
            : node.Inputs.Count > 1 && node.Inputs[1].Length > 0 ? l.ConstantInts(node, node.Inputs[1]) : null;
        if (sizes is null)
        {
            long n = node.Attribute("num_outputs")?.Int ?? node.Outputs.Count;
            long chunk = (dim + n - 1) / n;
            sizes = Enumerable.Range(0, (int)n).Select(k => Math.Max(0, Math.Min(chunk, dim - k * chunk))).ToArray();
        }
        if (sizes.Sum() != dim || sizes.Any(s => s < 0))
            throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, $"split sizes [{string.Join(",", sizes)}] do not add up to the axis length {dim}");
        return sizes;
    }
}
