using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// ONNX <c>LayerNormalization</c> (opset 17: X, Scale, optional B; axis = -1, epsilon = 1e-5; only output Y),
/// decomposed as TFLite has no such builtin: m = MEAN(x), d = x − m, v = MEAN(d·d), y = d · RSQRT(v + ε) · scale + b,
/// reducing over axes [axis, rank) in ONNX order.
/// </summary>
internal static class LayerNormalization
{
    public static void Lower(TfLiteLowering l, Node node)
    {
        if (node.Outputs.Skip(1).Any(o => o.Length > 0))
            throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, "the Mean and InvStdDev outputs");
        var x = node.Inputs[0];
        var shape = l.Shape(x);
        int rank = shape.Length;
        int axis = TfLiteLowering.NormalizeAxis(TfLiteLowering.Int(node, "axis", -1), rank);
        float epsilon = TfLiteLowering.Float(node, "epsilon", 1e-5f);
        var name = node.Outputs[0];
        long[] reduced = shape.Select((d, i) => i >= axis ? 1 : d).ToArray();
        var axes = Enumerable.Range(axis, rank - axis).ToArray();
        var b = l.Builder;

        int input = l.Tensor(node, x);
        int axesTensor = l.IntConstant(name + "/axes", axes);
        int mean = l.Temporary(name + "/mean", reduced);
        b.AddOperator(TfLiteBuiltinOperator.MEAN, [input, axesTensor], [mean], TfLiteOperatorOptions.Reducer(true));
        int centered = l.Temporary(name + "/centered", shape);
        b.AddOperator(TfLiteBuiltinOperator.SUB, [input, mean], [centered], TfLiteOperatorOptions.Arithmetic(TfLiteBuiltinOptions.SubOptions, TfLiteActivation.None));
        int squared = l.Temporary(name + "/squared", shape);
        b.AddOperator(TfLiteBuiltinOperator.MUL, [centered, centered], [squared], TfLiteOperatorOptions.Arithmetic(TfLiteBuiltinOptions.MulOptions, TfLiteActivation.None));
        int variance = l.Temporary(name + "/variance", reduced);
        b.AddOperator(TfLiteBuiltinOperator.MEAN, [squared, axesTensor], [variance], TfLiteOperatorOptions.Reducer(true));
        int eps = l.FloatConstant(name + "/epsilon", [], [epsilon]);
        int shifted = l.Temporary(name + "/variance_eps", reduced);
        b.AddOperator(TfLiteBuiltinOperator.ADD, [variance, eps], [shifted], TfLiteOperatorOptions.Arithmetic(TfLiteBuiltinOptions.AddOptions, TfLiteActivation.None));
        int inv = l.Temporary(name + "/rstd", reduced);
        b.AddOperator(TfLiteBuiltinOperator.RSQRT, [shifted], [inv]);
        int normalized = l.Temporary(name + "/normalized", shape);
        b.AddOperator(TfLiteBuiltinOperator.MUL, [centered, inv], [normalized], TfLiteOperatorOptions.Arithmetic(TfLiteBuiltinOptions.MulOptions, TfLiteActivation.None));

        bool hasBias = node.Inputs.Count > 2 && node.Inputs[2].Length > 0;
        int scale = l.Tensor(node, node.Inputs[1]);
        int scaled = hasBias ? l.Temporary(name + "/scaled", shape) : l.Define(name, shape, TfLitePermutation.Identity(rank));
        b.AddOperator(TfLiteBuiltinOperator.MUL, [normalized, scale], [scaled], TfLiteOperatorOptions.Arithmetic(TfLiteBuiltinOptions.MulOptions, TfLiteActivation.None));
        if (!hasBias) return;
        int bias = l.Tensor(node, node.Inputs[2]);
        int output = l.Define(name, shape, TfLitePermutation.Identity(rank));
        b.AddOperator(TfLiteBuiltinOperator.ADD, [scaled, bias], [output], TfLiteOperatorOptions.Arithmetic(TfLiteBuiltinOptions.AddOptions, TfLiteActivation.None));
    }
}
