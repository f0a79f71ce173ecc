using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// Element-wise activations, which keep their input's layout: ONNX <c>Relu</c> → RELU, <c>Sigmoid</c> → LOGISTIC,
/// <c>Tanh</c> → TANH, <c>HardSwish</c> → HARD_SWISH, <c>Sqrt</c>, <c>Exp</c>; <c>Clip</c> (min/max as attributes
/// before opset 11, as optional constant inputs after) → RELU6 for [0, 6], RELU for [0, +∞), else MAXIMUM/MINIMUM;
/// <c>Gelu</c> (opset 20, or the Erf pattern fused by <see cref="TfLiteFusions"/>) → GELU; <c>HardSigmoid</c>
/// (alpha, beta; MobileNetV3's squeeze-excitation gate) → MUL, ADD, RELU_0_TO_1.
/// </summary>
internal static class Activations
{
    public static void Unary(TfLiteLowering l, Node node, TfLiteBuiltinOperator code, TfLiteOperatorOptions options)
    {
        var x = node.Inputs[0];
        var value = l.Value(node, x);
        int output = l.Define(node.Outputs[0], value.Shape, value.Layout);
        l.Builder.AddOperator(code, [value.Tensor], [output], options);
    }

    public static void Gelu(TfLiteLowering l, Node node)
    {
        var approximate = TfLiteLowering.String(node, "approximate", "none");
        Unary(l, node, TfLiteBuiltinOperator.GELU, TfLiteOperatorOptions.Gelu(approximate == "tanh"));
    }

    public static void HardSigmoid(TfLiteLowering l, Node node)
    {
        float alpha = TfLiteLowering.Float(node, "alpha", 0.2f);
        float beta = TfLiteLowering.Float(node, "beta", 0.5f);
        var value = l.Value(node, node.Inputs[0]);
        var name = node.Outputs[0];
        var shape = TfLitePermutation.Apply(value.Shape, value.Layout);
        int scaled = l.Temporary(name + "/scaled", shape);
        l.Builder.AddOperator(TfLiteBuiltinOperator.MUL, [value.Tensor, l.FloatConstant(name + "/alpha", [], [alpha])], [scaled],
            TfLiteOperatorOptions.Arithmetic(TfLiteBuiltinOptions.MulOptions, TfLiteActivation.None));
        int shifted = l.Temporary(name + "/shifted", shape);
        l.Builder.AddOperator(TfLiteBuiltinOperator.ADD, [scaled, l.FloatConstant(name + "/beta", [], [beta])], [shifted],
            TfLiteOperatorOptions.Arithmetic(TfLiteBuiltinOptions.AddOptions, TfLiteActivation.None));
        int output = l.Define(name, value.Shape, value.Layout);
        l.Builder.AddOperator(TfLiteBuiltinOperator.RELU_0_TO_1, [shifted], [output], TfLiteOperatorOptions.None);
    }

    public static void Clip(TfLiteLowering l, Node node)
    {
        var (min, max) = ClipBounds(l, node);
        if (min == 0f && max == 6f) { Unary(l, node, TfLiteBuiltinOperator.RELU6, TfLiteOperatorOptions.None); return; }
        if (min == 0f && float.IsPositiveInfinity(max)) { Unary(l, node, TfLiteBuiltinOperator.RELU, TfLiteOperatorOptions.None); return; }

        var value = l.Value(node, node.Inputs[0]);
        var name = node.Outputs[0];
        int current = value.Tensor;
        var tfliteShape = TfLitePermutation.Apply(value.Shape, value.Layout);
        if (!float.IsNegativeInfinity(min))
        {
            int bound = l.FloatConstant(name + "/min", [], [min]);
            int next = float.IsPositiveInfinity(max) ? l.Define(name, value.Shape, value.Layout) : l.Temporary(name + "/lower", tfliteShape);
            l.Builder.AddOperator(TfLiteBuiltinOperator.MAXIMUM, [current, bound], [next], TfLiteOperatorOptions.Empty(TfLiteBuiltinOptions.MaximumMinimumOptions));
            current = next;
        }
        if (!float.IsPositiveInfinity(max))
        {
            int bound = l.FloatConstant(name + "/max", [], [max]);
            int next = l.Define(name, value.Shape, value.Layout);
            l.Builder.AddOperator(TfLiteBuiltinOperator.MINIMUM, [current, bound], [next], TfLiteOperatorOptions.Empty(TfLiteBuiltinOptions.MaximumMinimumOptions));
            current = next;
        }
        if (current == value.Tensor) l.Alias(name, value);
    }

    public static (float Min, float Max) ClipBounds(TfLiteLowering l, Node node)
    {
        if (l.Opset < 11)
            return (TfLiteLowering.Float(node, "min", float.NegativeInfinity), TfLiteLowering.Float(node, "max", float.PositiveInfinity));
        float Bound(int index, float fallback) =>
            node.Inputs.Count > index && node.Inputs[index].Length > 0 ? l.ConstantFloats(node, node.Inputs[index])[0] : fallback;
        return (Bound(1, float.NegativeInfinity), Bound(2, float.PositiveInfinity));
    }
}
