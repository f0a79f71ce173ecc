using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// ONNX <c>MaxPool</c> / <c>AveragePool</c> (2-D; kernel_shape, strides, pads, auto_pad, ceil_mode,
/// count_include_pad) → MAX_POOL_2D / AVERAGE_POOL_2D in NHWC; <c>GlobalAveragePool</c> → MEAN over H and W with
/// keep_dims. Padding that TensorFlow's SAME cannot express becomes PADV2 with the lowest float (max; PAD with zeros
/// when the input cannot be negative, as after ResNet's ReLU) or PAD with zeros (average with count_include_pad = 1). An average pool that must exclude explicit padding from its count
/// cannot be expressed.
/// </summary>
internal static class Pool
{
    public static void MaxPool(TfLiteLowering l, Node node) => Lower(l, node, max: true);

    public static void AveragePool(TfLiteLowering l, Node node) => Lower(l, node, max: false);

    private static void Lower(TfLiteLowering l, Node node, bool max)
    {
        var x = node.Inputs[0];
        var xs = l.Shape(x);
        if (xs.Length != 4) throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, $"only 2-D pooling (rank-4 input) is supported, input has rank {xs.Length}");
        if (node.Outputs.Count > 1 && node.Outputs[1].Length > 0) throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, "the Indices output");
        var kernel = TfLiteLowering.Ints(node, "kernel_shape", []);
        var strides = TfLiteLowering.Ints(node, "strides", [1, 1]);
        var dilations = TfLiteLowering.Ints(node, "dilations", [1, 1]);
        if (dilations.Any(d => d != 1)) throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, "dilations other than 1");
        bool ceil = TfLiteLowering.Int(node, "ceil_mode", 0) != 0;
        bool countPad = TfLiteLowering.Int(node, "count_include_pad", 0) != 0;
        var plan = TfLitePaddingPlan.Compute(l, node, xs[2], xs[3], kernel[0], kernel[1], strides[0], strides[1], 1, 1, ceil);

        if (!max && plan.Padding == TfLitePadding.Same && countPad)
            plan = plan with { Padding = TfLitePadding.Valid, ExplicitPads = ExplicitOf(l, node, xs, kernel, strides, ceil) };
        if (!max && plan.ExplicitPads is not null && (!countPad || ceil))
            throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, "padding TensorFlow's SAME rule cannot express, with count_include_pad = 0 (or ceil_mode)");

        var output = node.Outputs[0];
        int input = l.Tensor(node, x, TfLitePermutation.Nhwc);
        if (plan.ExplicitPads is not null)
        {
            // A max pool pads with the lowest float (PADV2), or with zeros (PAD) when its input cannot be negative.
            float? fill = max && !l.IsNonNegative(x) ? float.MinValue : null;
            input = plan.EmitPad(l, output, input, TfLitePermutation.Apply(xs, TfLitePermutation.Nhwc), fill);
        }
        int result = l.Define(output, [xs[0], xs[1], plan.OutH, plan.OutW], TfLitePermutation.Nhwc);
        l.Builder.AddOperator(max ? TfLiteBuiltinOperator.MAX_POOL_2D : TfLiteBuiltinOperator.AVERAGE_POOL_2D, [input], [result],
            TfLiteOperatorOptions.Pool2D(plan.Padding, (int)strides[1], (int)strides[0], (int)kernel[1], (int)kernel[0]));
    }

    private static long[] ExplicitOf(TfLiteLowering l, Node node, long[] xs, long[] kernel, long[] strides, bool ceil)
    {
        var pads = TfLiteLowering.Ints(node, "pads", [0, 0, 0, 0]);
        if (TfLiteLowering.String(node, "auto_pad", "NOTSET") != "NOTSET" || ceil)
            throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, "count_include_pad = 1 with auto_pad or ceil_mode");
        _ = xs; _ = kernel; _ = strides;
        return pads;
    }

    public static void GlobalAveragePool(TfLiteLowering l, Node node)
    {
        var x = node.Inputs[0];
        var xs = l.Shape(x);
        if (xs.Length != 4) throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, $"only rank-4 input is supported, input has rank {xs.Length}");
        int input = l.Tensor(node, x, TfLitePermutation.Nhwc);
        int axes = l.IntConstant(node.Outputs[0] + "/axes", [1, 2]);
        int result = l.Define(node.Outputs[0], [xs[0], xs[1], 1, 1], TfLitePermutation.Nhwc);
        l.Builder.AddOperator(TfLiteBuiltinOperator.MEAN, [input, axes], [result], TfLiteOperatorOptions.Reducer(keepDims: true));
    }
}
