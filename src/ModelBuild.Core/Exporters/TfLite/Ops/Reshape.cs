using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// Shape-only ONNX operators → RESHAPE: <c>Reshape</c> (constant shape; 0 copies a dim unless allowzero, -1 is
/// inferred), <c>Flatten</c> (axis), <c>Squeeze</c> and <c>Unsqueeze</c> (axes as attribute before opset 13, as a
/// constant input from 13). Element order is ONNX's, so the RESHAPE runs on a layout in which every group of ONNX dims
/// the reshape merges or splits is contiguous and in ONNX order (<see cref="TfLiteReshapeLayout"/>): the value's own
/// layout when it already is (NHWC → [N,H·W,C] for ViT's patch embedding, ShuffleNet's channel split, Swin's
/// windows), else the nearest such layout (the NCHW transpose before a flatten-then-FC head). Reshapes of constants
/// are folded by <see cref="TfLiteConstantFolder"/>.
/// </summary>
internal static class Reshape
{
    public static void LowerReshape(TfLiteLowering l, Node node) => Emit(l, node, OutputShape(l, node, l.Shape(node.Inputs[0])));

    public static void Flatten(TfLiteLowering l, Node node) => Emit(l, node, OutputShape(l, node, l.Shape(node.Inputs[0])));

    public static void Squeeze(TfLiteLowering l, Node node) => Emit(l, node, OutputShape(l, node, l.Shape(node.Inputs[0])));

    public static void Unsqueeze(TfLiteLowering l, Node node) => Emit(l, node, OutputShape(l, node, l.Shape(node.Inputs[0])));

    /// <summary>The ONNX output shape of a Reshape, Flatten, Squeeze or Unsqueeze of an input shaped <paramref name="inShape"/>.</summary>
    public static long[] OutputShape(TfLiteLowering l, Node node, long[] inShape)
    {
        switch (node.OpType)
        {
            case "Reshape":
            {
                var requested = l.ConstantInts(node, node.Inputs[1]);
                bool allowZero = TfLiteLowering.Int(node, "allowzero", 0) != 0;
                var shape = new long[requested.Length];
                int infer = -1;
                long known = 1;
                for (int i = 0; i < requested.Length; i++)
                {
                    long d = requested[i] == 0 && !allowZero ? inShape[i] : requested[i];
                    if (d == -1) { infer = i; continue; }
                    shape[i] = d;
                    known *= d;
                }
                long total = inShape.Aggregate(1L, (p, d) => p * d);
                if (infer >= 0) shape[infer] = known == 0 ? 0 : total / known;
                return shape;
            }
            case "Flatten":
            {
                int axis = TfLiteLowering.NormalizeAxis(TfLiteLowering.Int(node, "axis", 1), inShape.Length);
                return [inShape[..axis].Aggregate(1L, (p, d) => p * d), inShape[axis..].Aggregate(1L, (p, d) => p * d)];
            }
            case "Squeeze":
            {
                var axes = Axes(l, node);
                var drop = axes is null
                    ? Enumerable.Range(0, inShape.Length).Where(i => inShape[i] == 1).ToHashSet()
                    : axes.Select(a => TfLiteLowering.NormalizeAxis(a, inShape.Length)).ToHashSet();
                return inShape.Where((_, i) => !drop.Contains(i)).ToArray();
            }
            case "Unsqueeze":
            {
                var axes = Axes(l, node) ?? throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, "missing axes");
                int rank = inShape.Length + axes.Length;
                var insert = axes.Select(a => TfLiteLowering.NormalizeAxis(a, rank)).ToHashSet();
                var shape = new long[rank];
                for (int i = 0, j = 0; i < rank; i++) shape[i] = insert.Contains(i) ? 1 : inShape[j++];
                return shape;
            }
            default:
                throw new InvalidOperationException($"{node.OpType} is not a reshape.");
        }
    }

    private static long[]? Axes(TfLiteLowering l, Node node)
    {
        if (l.Opset < 13) return node.Attribute("axes")?.Ints.ToArray();
        return node.Inputs.Count > 1 && node.Inputs[1].Length > 0 ? l.ConstantInts(node, node.Inputs[1]) : null;
    }

    private static void Emit(TfLiteLowering l, Node node, long[] shape)
    {
        var value = l.Value(node, node.Inputs[0]);
        var (inLayout, outLayout) = TfLiteReshapeLayout.Plan(value.Shape, value.Layout, shape);
        int input = l.Tensor(node, node.Inputs[0], inLayout);
        int output = l.Define(node.Outputs[0], shape, outLayout);
        l.Reshape(node.Outputs[0], input, output, TfLitePermutation.Apply(shape, outLayout));
    }
}
