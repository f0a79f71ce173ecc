using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// Shape-only ONNX operators → RESHAPE: <c>Reshape</c> (constant shape; 0 copies a dim unless allowzero, -1 is
/// inferred), <c>Flatten</c> (axis), <c>Squeeze</c> and <c>Unsqueeze</c> (axes as attribute before opset 13, as a
/// constant input from 13). Element order is ONNX's, so the input is first brought to ONNX order: after a
/// convolution that inserts the NHWC → NCHW transpose that keeps flatten-then-FC models right (or nothing, when
/// only size-1 dims move, as after a global pool).
/// </summary>
internal static class Reshape
{
    public static void LowerReshape(TfLiteLowering l, Node node)
    {
        var inShape = l.Shape(node.Inputs[0]);
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
        Emit(l, node, shape);
    }

    public static void Flatten(TfLiteLowering l, Node node)
    {
        var inShape = l.Shape(node.Inputs[0]);
        int axis = TfLiteLowering.NormalizeAxis(TfLiteLowering.Int(node, "axis", 1), inShape.Length);
        long outer = inShape[..axis].Aggregate(1L, (p, d) => p * d);
        long inner = inShape[axis..].Aggregate(1L, (p, d) => p * d);
        Emit(l, node, [outer, inner]);
    }

    public static void Squeeze(TfLiteLowering l, Node node)
    {
        var inShape = l.Shape(node.Inputs[0]);
        var axes = Axes(l, node);
        var drop = axes is null
            ? Enumerable.Range(0, inShape.Length).Where(i => inShape[i] == 1).ToHashSet()
            : axes.Select(a => TfLiteLowering.NormalizeAxis(a, inShape.Length)).ToHashSet();
        Emit(l, node, inShape.Where((_, i) => !drop.Contains(i)).ToArray());
    }

    public static void Unsqueeze(TfLiteLowering l, Node node)
    {
        var inShape = l.Shape(node.Inputs[0]);
        var axes = Axes(l, node) ?? throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, "missing axes");
        int rank = inShape.Length + axes.Length;
        var insert = axes.Select(a => TfLiteLowering.NormalizeAxis(a, rank)).ToHashSet();
        var shape = new long[rank];
        for (int i = 0, j = 0; i < rank; i++) shape[i] = insert.Contains(i) ? 1 : inShape[j++];
        if (l.IsConstant(node.Inputs[0]) && l.ConstantData(node.Inputs[0]).DataType != Tensors.DataType.Float32)
        {
            // Shape arithmetic (Shape → Gather → Unsqueeze → Concat → Reshape) is folded at export time.
            l.AddConstant(node.Outputs[0], l.ConstantData(node.Inputs[0]).WithShape(shape));
            return;
        }
        Emit(l, node, shape);
    }

    private static long[]? Axes(TfLiteLowering l, Node node)
    {
        if (l.Opset < 13) return node.Attribute("axes")?.Ints.ToArray();
        return node.Inputs.Count > 1 && node.Inputs[1].Length > 0 ? l.ConstantInts(node, node.Inputs[1]) : null;
    }

    private static void Emit(TfLiteLowering l, Node node, long[] shape)
    {
        int input = l.Tensor(node, node.Inputs[0]);
        int output = l.Define(node.Outputs[0], shape, TfLitePermutation.Identity(shape.Length));
        l.Reshape(node.Outputs[0], input, output, shape);
    }
}
