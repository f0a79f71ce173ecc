using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// ONNX <c>Add</c>, <c>Sub</c>, <c>Mul</c>, <c>Div</c> (numpy broadcasting) → ADD, SUB, MUL, DIV, which broadcast the
/// same way. The operation runs in the layout of its full-rank computed input (NHWC after a convolution), so no
/// transpose is needed; constants are expanded to full rank and permuted to match at export time. When the computed
/// inputs' layouts disagree, the first one's wins; a computed input of lower rank makes everything run in ONNX order.
/// </summary>
internal static class Elementwise
{
    public static void Lower(TfLiteLowering l, Node node, TfLiteBuiltinOperator code, TfLiteBuiltinOptions optionsType)
    {
        var a = node.Inputs[0];
        var b = node.Inputs[1];
        var shapeA = l.Shape(a);
        var shapeB = l.Shape(b);
        var outShape = Broadcast(l, node, shapeA, shapeB);
        int rank = outShape.Length;

        var layout = TfLitePermutation.Identity(rank);
        var computed = node.Inputs.Where(i => !l.IsConstant(i)).ToList();
        var fullRank = computed.Where(i => l.Shape(i).Length == rank).Select(l.LayoutOf).ToList();
        // The first computed input's layout wins; another computed input in a different layout gets one TRANSPOSE
        // (a Swin residual after its windows' reshapes), where falling back to ONNX order would cost two.
        if (fullRank.Count > 0 && fullRank.Count == computed.Count)
            layout = fullRank[0];

        int Operand(string name)
        {
            var shape = l.Shape(name);
            if (l.IsConstant(name) && !TfLitePermutation.IsIdentity(layout))
            {
                long[] expanded = [.. Enumerable.Repeat(1L, rank - shape.Length), .. shape];
                var data = TfLitePermutation.PermuteData(l.ConstantFloats(node, name), expanded, layout);
                return l.FloatConstant(name, TfLitePermutation.Apply(expanded, layout), data);
            }
            return shape.Length == rank ? l.Tensor(node, name, layout) : l.Tensor(node, name);
        }

        int x = Operand(a);
        int y = Operand(b);
        int output = l.Define(node.Outputs[0], outShape, layout);
        l.Builder.AddOperator(code, [x, y], [output], TfLiteOperatorOptions.Arithmetic(optionsType, TfLiteFusions.ActivationOf(node)));
    }

    public static long[] Broadcast(TfLiteLowering l, Node node, IReadOnlyList<long> a, IReadOnlyList<long> b)
    {
        int rank = Math.Max(a.Count, b.Count);
        var result = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            long da = i - (rank - a.Count) >= 0 ? a[i - (rank - a.Count)] : 1;
            long db = i - (rank - b.Count) >= 0 ? b[i - (rank - b.Count)] : 1;
            if (da != db && da != 1 && db != 1)
                throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, $"shapes [{string.Join(",", a)}] and [{string.Join(",", b)}] do not broadcast");
            result[i] = da == 1 ? db : da;
        }
        return result;
    }
}
