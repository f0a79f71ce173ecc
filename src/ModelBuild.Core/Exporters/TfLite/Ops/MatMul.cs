using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// ONNX <c>MatMul</c> (numpy semantics). With a constant 2-D B[K,N]: FULLY_CONNECTED with weights Bᵀ [N,K]
/// (keep_num_dims for inputs of rank &gt; 2), and a third input, the bias, when <see cref="TfLiteFusions"/> merged a
/// following Add. An inner dimension of 1 is an outer product: a broadcasting MUL. Otherwise BATCH_MATMUL, which
/// broadcasts batch dimensions as MatMul does. Rank-1 operands are not supported.
/// </summary>
internal static class MatMul
{
    public static void Lower(TfLiteLowering l, Node node)
    {
        var a = node.Inputs[0];
        var b = node.Inputs[1];
        var aShape = l.Shape(a);
        var bShape = l.Shape(b);
        if (aShape.Length < 2 || bShape.Length < 2)
            throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, "rank-1 operands");
        var output = node.Outputs[0];
        var activation = TfLiteFusions.ActivationOf(node);

        if (aShape[^1] == 1 && node.Inputs.Count == 2 && activation == TfLiteActivation.None)
        {
            // An inner dimension of 1 makes every output one product, a[…,m,0]·b[…,0,n]: a broadcasting MUL, exact,
            // in the inputs' own layout. torch's adaptive average pool from 1×1 (AlexNet) traces to two such MatMuls.
            Elementwise.Lower(l, node, TfLiteBuiltinOperator.MUL, TfLiteBuiltinOptions.MulOptions);
            return;
        }
        if (l.IsConstant(b) && bShape.Length == 2 && !l.IsConstant(a))
        {
            long k = bShape[0], n = bShape[1];
            int filter = l.FloatConstant(b, [n, k], TfLitePermutation.PermuteData(l.ConstantFloats(node, b), bShape, [1, 0]));
            int bias = node.Inputs.Count > 2 ? l.FloatConstant(node.Inputs[2], [n], l.ConstantFloats(node, node.Inputs[2])) : -1;
            int input = l.Tensor(node, a);
            long[] outShape = [.. aShape[..^1], n];
            int result = l.Define(output, outShape, TfLitePermutation.Identity(outShape.Length));
            l.Builder.AddOperator(TfLiteBuiltinOperator.FULLY_CONNECTED, [input, filter, bias], [result],
                TfLiteOperatorOptions.FullyConnected(activation, keepNumDims: aShape.Length > 2));
            return;
        }
        if (node.Inputs.Count > 2 || activation != TfLiteActivation.None)
            throw new InvalidOperationException("Only a MatMul with constant weights is fused with a bias or an activation.");

        int batchRank = Math.Max(aShape.Length, bShape.Length) - 2;
        var batch = Elementwise.Broadcast(l, node, aShape[..^2], bShape[..^2]);
        long[] shape = [.. batch, aShape[^2], bShape[^1]];
        _ = batchRank;
        int x = l.Tensor(node, a);
        int y = l.Tensor(node, b);
        int product = l.Define(output, shape, TfLitePermutation.Identity(shape.Length));
        l.Builder.AddOperator(TfLiteBuiltinOperator.BATCH_MATMUL, [x, y], [product], TfLiteOperatorOptions.BatchMatMul(false, false));
    }
}
