using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// ONNX <c>Conv</c> (2-D): X[N,C,H,W], W[M,C/group,kH,kW], optional B[M]; attributes auto_pad, dilations, group,
/// kernel_shape, pads, strides. group = 1 → CONV_2D with the filter permuted OIHW → OHWI; group = C with
/// M = C·k → DEPTHWISE_CONV_2D with the filter [M,1,kH,kW] → [1,kH,kW,M]; any other group count (ResNeXt,
/// RegNet) → CONV_2D with the filter [M,C/group,kH,kW] → [M,kH,kW,C/group]: TFLite reads the group count from the
/// filter's input-channel dim being C/group, so one operator covers every group. Runs in NHWC.
/// </summary>
internal static class Conv
{
    public static void Lower(TfLiteLowering l, Node node)
    {
        var x = node.Inputs[0];
        var w = node.Inputs[1];
        var xs = l.Shape(x);
        var ws = l.Shape(w);
        if (xs.Length != 4 || ws.Length != 4)
            throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, $"only 2-D convolution (rank-4 input) is supported, input has rank {xs.Length}");
        long group = TfLiteLowering.Int(node, "group", 1);
        var strides = TfLiteLowering.Ints(node, "strides", [1, 1]);
        var dilations = TfLiteLowering.Ints(node, "dilations", [1, 1]);
        long m = ws[0], c = xs[1], kH = ws[2], kW = ws[3];
        bool depthwise = group > 1 && group == c && ws[1] == 1 && m % c == 0;
        if (group < 1 || c % group != 0 || m % group != 0 || ws[1] * group != c)
            throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, $"group={group} does not divide {c} input and {m} output channels into the weight's {ws[1]} per group");

        var weights = l.ConstantFloats(node, w);
        var plan = TfLitePaddingPlan.Compute(l, node, xs[2], xs[3], kH, kW, strides[0], strides[1], dilations[0], dilations[1], ceilMode: false);
        var output = node.Outputs[0];
        long[] outShape = [xs[0], m, plan.OutH, plan.OutW];

        int input = l.Tensor(node, x, TfLitePermutation.Nhwc);
        if (plan.ExplicitPads is not null)
            input = plan.EmitPad(l, output, input, TfLitePermutation.Apply(xs, TfLitePermutation.Nhwc), padValue: null);

        int filter = depthwise
            ? l.FloatConstant(w, [1, kH, kW, m], TfLitePermutation.PermuteData(weights, ws, [1, 2, 3, 0]))
            : l.FloatConstant(w, [m, kH, kW, ws[1]], TfLitePermutation.PermuteData(weights, ws, [0, 2, 3, 1]));
        var biasValues = node.Inputs.Count > 2 && node.Inputs[2].Length > 0 ? l.ConstantFloats(node, node.Inputs[2]) : new float[m];
        int bias = l.FloatConstant(node.Inputs.Count > 2 && node.Inputs[2].Length > 0 ? node.Inputs[2] : output + "/bias", [m], biasValues);

        int result = l.Define(output, outShape, TfLitePermutation.Nhwc);
        var activation = TfLiteFusions.ActivationOf(node);
        var options = depthwise
            ? TfLiteOperatorOptions.DepthwiseConv2D(plan.Padding, (int)strides[1], (int)strides[0], (int)(m / c), activation, (int)dilations[1], (int)dilations[0])
            : TfLiteOperatorOptions.Conv2D(plan.Padding, (int)strides[1], (int)strides[0], activation, (int)dilations[1], (int)dilations[0]);
        l.Builder.AddOperator(depthwise ? TfLiteBuiltinOperator.DEPTHWISE_CONV_2D : TfLiteBuiltinOperator.CONV_2D, [input, filter, bias], [result], options);
    }
}
