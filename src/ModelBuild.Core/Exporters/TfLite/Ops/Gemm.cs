using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// ONNX <c>Gemm</c>: Y = alpha·A'·B' + beta·C with A' = transA ? Aᵀ : A, B' = transB ? Bᵀ : B. B must be a constant:
/// FULLY_CONNECTED takes weights [N,K], which is B as stored when transB = 1 (PyTorch's Linear) and Bᵀ otherwise;
/// alpha is folded into the weights, beta into the bias. A C that is not a vector of N becomes a separate ADD.
/// </summary>
internal static class Gemm
{
    public static void Lower(TfLiteLowering l, Node node)
    {
        var a = node.Inputs[0];
        var b = node.Inputs[1];
        var bs = l.Shape(b);
        bool transA = TfLiteLowering.Int(node, "transA", 0) != 0;
        bool transB = TfLiteLowering.Int(node, "transB", 0) != 0;
        float alpha = TfLiteLowering.Float(node, "alpha", 1f);
        float beta = TfLiteLowering.Float(node, "beta", 1f);
        if (!l.IsConstant(b))
            throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, "input B must be a constant for FULLY_CONNECTED");
        var weights = l.ConstantFloats(node, b);
        if (!transB) weights = TfLitePermutation.PermuteData(weights, bs, [1, 0]);
        if (alpha != 1f) for (int i = 0; i < weights.Length; i++) weights[i] *= alpha;
        long n = transB ? bs[0] : bs[1], k = transB ? bs[1] : bs[0];

        var aShape = l.Shape(a);
        long m = transA ? aShape[1] : aShape[0];
        int input = l.Tensor(node, a, transA ? [1, 0] : [0, 1]);
        int filter = l.FloatConstant(b, [n, k], weights);

        string? c = node.Inputs.Count > 2 && node.Inputs[2].Length > 0 ? node.Inputs[2] : null;
        bool vectorBias = c is not null && l.IsConstant(c) && l.Shape(c).Aggregate(1L, (p, d) => p * d) == n && l.Shape(c)[^1] == n;
        var output = node.Outputs[0];
        var activation = TfLiteFusions.ActivationOf(node);
        if (c is null || vectorBias)
        {
            var bias = c is null ? new float[n] : l.ConstantFloats(node, c).Select(v => v * beta).ToArray();
            int biasTensor = l.FloatConstant(c ?? output + "/bias", [n], bias);
            int result = l.Define(output, [m, n], [0, 1]);
            l.Builder.AddOperator(TfLiteBuiltinOperator.FULLY_CONNECTED, [input, filter, biasTensor], [result], TfLiteOperatorOptions.FullyConnected(activation, keepNumDims: false));
            return;
        }
        // C of another shape (a matrix, or computed at run time): FULLY_CONNECTED without bias, then ADD.
        int product = l.Temporary(output + "/matmul", [m, n]);
        l.Builder.AddOperator(TfLiteBuiltinOperator.FULLY_CONNECTED, [input, filter, -1], [product], TfLiteOperatorOptions.FullyConnected(TfLiteActivation.None, keepNumDims: false));
        int cTensor;
        if (l.IsConstant(c!)) cTensor = l.FloatConstant(c!, l.Shape(c!), l.ConstantFloats(node, c!).Select(v => v * beta).ToArray());
        else if (beta == 1f) cTensor = l.Tensor(node, c!);
        else throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, "beta != 1 with a computed C");
        int sum = l.Define(output, [m, n], [0, 1]);
        l.Builder.AddOperator(TfLiteBuiltinOperator.ADD, [product, cTensor], [sum], TfLiteOperatorOptions.Arithmetic(TfLiteBuiltinOptions.AddOptions, activation));
    }
}
