using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// ONNX <c>BatchNormalization</c> in inference mode (X[N,C,…], constant scale, B, mean, var; epsilon; only output
/// Y) → MUL by <c>s = scale / sqrt(var + ε)</c> and ADD of <c>t = B − mean·s</c>, shaped [1,C,1,…] and permuted to
/// the input's layout (no transpose). The pipeline's <c>Passes/BatchNormalizationDecomposition</c> does the same
/// ahead of every writer where its shape inference knows the input's rank; this covers the nodes it leaves, after
/// shape arithmetic it cannot follow with a symbolic batch (ShuffleNet's channel shuffle, MobileNetV3). s and t
/// are computed in double as there, then stored as float32.
/// </summary>
internal static class BatchNormalization
{
    public static void Lower(TfLiteLowering l, Node node)
    {
        if (node.Outputs.Skip(1).Any(o => o.Length > 0) || TfLiteLowering.Int(node, "training_mode", 0) != 0)
            throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, "training mode (running statistics outputs)");
        if (node.Inputs.Count < 5) throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, "fewer than 5 inputs");
        var value = l.Value(node, node.Inputs[0]);
        if (value.Rank < 2) throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, $"a rank-{value.Rank} input");
        var scale = l.ConstantFloats(node, node.Inputs[1]);
        var bias = l.ConstantFloats(node, node.Inputs[2]);
        var mean = l.ConstantFloats(node, node.Inputs[3]);
        var variance = l.ConstantFloats(node, node.Inputs[4]);
        long c = value.Shape[1];
        if (new[] { scale, bias, mean, variance }.Any(p => p.Length != c))
            throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, $"parameters not of the channel count {c}");
        double epsilon = TfLiteLowering.Float(node, "epsilon", 1e-5f);
        var s = new float[c];
        var t = new float[c];
        for (int i = 0; i < c; i++)
        {
            double si = scale[i] / Math.Sqrt((double)variance[i] + epsilon);
            s[i] = (float)si;
            t[i] = (float)(bias[i] - mean[i] * si);
        }
        var onnxShape = value.Shape.Select((_, i) => i == 1 ? c : 1L).ToArray();
        var constShape = TfLitePermutation.Apply(onnxShape, value.Layout);
        var name = node.Outputs[0];
        int scaled = l.Temporary(name + "/scaled", TfLitePermutation.Apply(value.Shape, value.Layout));
        // Only the channel dim is not 1, so the values keep their order in any layout.
        l.Builder.AddOperator(TfLiteBuiltinOperator.MUL, [value.Tensor, l.FloatConstant(name + "/scale", constShape, s)], [scaled],
            TfLiteOperatorOptions.Arithmetic(TfLiteBuiltinOptions.MulOptions, TfLiteActivation.None));
        int output = l.Define(name, value.Shape, value.Layout);
        l.Builder.AddOperator(TfLiteBuiltinOperator.ADD, [scaled, l.FloatConstant(name + "/shift", constShape, t)], [output],
            TfLiteOperatorOptions.Arithmetic(TfLiteBuiltinOptions.AddOptions, TfLiteFusions.ActivationOf(node)));
    }
}
