using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// How ONNX spatial padding (<c>pads</c> = [top, left, bottom, right] or <c>auto_pad</c>, plus <c>ceil_mode</c> for
/// pools) maps to TFLite: VALID when nothing is padded, SAME when TensorFlow's SAME rule gives exactly the ONNX
/// pads, otherwise explicit pads for a PAD operator followed by VALID.
/// </summary>
internal sealed record TfLitePaddingPlan(TfLitePadding Padding, long[]? ExplicitPads, long OutH, long OutW)
{
    public static TfLitePaddingPlan Compute(TfLiteLowering lowering, Node node, long inH, long inW, long kH, long kW, long sH, long sW, long dH, long dW, bool ceilMode)
    {
        var autoPad = TfLiteLowering.String(node, "auto_pad", "NOTSET");
        long[] pads;
        switch (autoPad)
        {
            case "NOTSET":
                pads = TfLiteLowering.Ints(node, "pads", [0, 0, 0, 0]);
                if (pads.Length != 4) throw TfLiteThrowHelper.UnsupportedAttribute(lowering.File, node, "pads must have 4 values (2-D spatial)");
                break;
            case "VALID":
                pads = [0, 0, 0, 0];
                break;
            case "SAME_UPPER":
            case "SAME_LOWER":
                var (th, tw) = (SameTotal(inH, kH, sH, dH), SameTotal(inW, kW, sW, dW));
                pads = autoPad == "SAME_UPPER" ? [th / 2, tw / 2, th - th / 2, tw - tw / 2] : [th - th / 2, tw - tw / 2, th / 2, tw / 2];
                break;
            default:
                throw TfLiteThrowHelper.UnsupportedAttribute(lowering.File, node, $"auto_pad '{autoPad}'");
        }

        long effH = (kH - 1) * dH + 1, effW = (kW - 1) * dW + 1;
        long outH = Out(inH + pads[0] + pads[2], effH, sH, ceilMode);
        long outW = Out(inW + pads[1] + pads[3], effW, sW, ceilMode);
        if (ceilMode)
        {
            // Extra bottom/right padding makes the floor formula reach the ceil output size.
            pads[2] += Math.Max(0, (outH - 1) * sH + effH - (inH + pads[0] + pads[2]));
            pads[3] += Math.Max(0, (outW - 1) * sW + effW - (inW + pads[1] + pads[3]));
        }
        if (pads.All(p => p == 0)) return new TfLitePaddingPlan(TfLitePadding.Valid, null, outH, outW);

        long sameH = SameTotal(inH, kH, sH, dH), sameW = SameTotal(inW, kW, sW, dW);
        bool same = CeilDiv(inH, sH) == outH && CeilDiv(inW, sW) == outW
            && pads[0] == sameH / 2 && pads[2] == sameH - sameH / 2 && pads[1] == sameW / 2 && pads[3] == sameW - sameW / 2;
        return same ? new TfLitePaddingPlan(TfLitePadding.Same, null, outH, outW) : new TfLitePaddingPlan(TfLitePadding.Valid, pads, outH, outW);
    }

    private static long SameTotal(long input, long k, long s, long d) => Math.Max((CeilDiv(input, s) - 1) * s + (k - 1) * d + 1 - input, 0);

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;

    private static long Out(long padded, long eff, long s, bool ceil) => (ceil ? CeilDiv(padded - eff, s) : (padded - eff) / s) + 1;

    /// <summary>
    /// Emits the explicit PAD (or PADV2 with <paramref name="padValue"/>) on an NHWC tensor and returns the padded
    /// tensor; the caller then runs its operator with VALID padding.
    /// </summary>
    public int EmitPad(TfLiteLowering lowering, string name, int input, long[] nhwcShape, float? padValue)
    {
        var p = ExplicitPads!;
        int[] paddings = [0, 0, (int)p[0], (int)p[2], (int)p[1], (int)p[3], 0, 0];
        long[] padded = [nhwcShape[0], nhwcShape[1] + p[0] + p[2], nhwcShape[2] + p[1] + p[3], nhwcShape[3]];
        int output = lowering.Temporary($"{name}/padded", padded);
        int padTensor = lowering.Builder.AddConstant(lowering.UniqueName($"{name}/paddings"), TfLiteTensorType.Int32, [4, 2],
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(paddings.AsSpan()).ToArray());
        if (padValue is { } value)
        {
            int constant = lowering.Builder.AddConstant(lowering.UniqueName($"{name}/pad_value"), TfLiteTensorType.Float32, [],
                BitConverter.GetBytes(value));
            lowering.Builder.AddOperator(TfLiteBuiltinOperator.PADV2, [input, padTensor, constant], [output], TfLiteOperatorOptions.Empty(TfLiteBuiltinOptions.PadV2Options));
        }
        else
        {
            lowering.Builder.AddOperator(TfLiteBuiltinOperator.PAD, [input, padTensor], [output], TfLiteOperatorOptions.Empty(TfLiteBuiltinOptions.PadOptions));
        }
        return output;
    }
}
