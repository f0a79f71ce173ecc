using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::_convolution(Tensor input, Tensor weight, Tensor? bias, int[] stride, int[] padding, int[] dilation,
/// bool transposed, int[] output_padding, int groups, bool benchmark, bool deterministic, bool cudnn_enabled,
/// bool allow_tf32) -&gt; Tensor</c> and <c>aten::conv2d/conv1d(Tensor input, Tensor weight, Tensor? bias=None,
/// int[2] stride=1, int[2] padding=0, int[2] dilation=1, int groups=1)</c> → ONNX <c>Conv</c> (pads = padding twice);
/// transposed ones (and <c>aten::conv_transpose1d/2d.input</c>) → <c>ConvTranspose</c>.
/// </summary>
public static class Convolution
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        bool transposed = call.Schema.Name.StartsWith("conv_transpose", StringComparison.Ordinal) || (call.Has("transposed") && call.Bool("transposed"));
        if (call.Has("padding") && call["padding"] is string) throw call.Unsupported("string padding ('same'/'valid') is not supported yet.");
        var x = call.Tensor("input");
        var w = call.Tensor("weight");
        var b = call.OptionalTensor("bias");
        int spatial = (w.Shape?.Length ?? 2) - 2;
        long[] Fit(long[] v) => v.Length == spatial ? v : v.Length == 1 ? Enumerable.Repeat(v[0], spatial).ToArray() : throw call.Unsupported($"a per-dimension list of {v.Length} for {spatial} spatial dims.");
        var stride = Fit(call.Ints("stride"));
        var padding = Fit(call.Ints("padding"));
        var dilation = Fit(call.Ints("dilation"));
        long groups = call.Int("groups");
        if (transposed) return Transposed(ctx, call, x, w, b, stride, padding, dilation, groups, Fit(call.Ints("output_padding")), spatial);
        long[]? shape = null;
        if (x.Shape is { } xs && w.Shape is { } ws && xs.Length == spatial + 2)
        {
            shape = new long[xs.Length];
            shape[0] = xs[0];
            shape[1] = ws[0];
            for (int i = 0; i < spatial; i++)
                shape[i + 2] = xs[i + 2] < 0 ? -1 : (xs[i + 2] + 2 * padding[i] - dilation[i] * (ws[i + 2] - 1) - 1) / stride[i] + 1;
        }
        var inputs = b is null ? new[] { ctx.In(x), ctx.In(w) } : [ctx.In(x), ctx.In(w), ctx.In(b)];
        return ctx.Emit("Conv", inputs, x.DataType, shape,
            NodeAttribute.Of("strides", stride), NodeAttribute.Of("pads", padding.Concat(padding)),
            NodeAttribute.Of("dilations", dilation), NodeAttribute.Of("group", groups));
    }

    /// <summary>
    /// Transposed convolution (<c>transposed=True</c>, <c>conv_transpose1d/2d</c>) → ONNX <c>ConvTranspose</c>; the
    /// weight layout [in, out/groups, k…] is the same in both. Output: (in − 1)·stride − 2·pad + dilation·(k − 1) +
    /// output_padding + 1.
    /// </summary>
    private static TensorValue Transposed(LoweringContext ctx, BoundCall call, TensorValue x, TensorValue w, TensorValue? b,
        long[] stride, long[] padding, long[] dilation, long groups, long[] outputPadding, int spatial)
    {
        long[]? shape = null;
        if (x.Shape is { } xs && w.Shape is { } ws && xs.Length == spatial + 2)
        {
            shape = new long[xs.Length];
            shape[0] = xs[0];
            shape[1] = ws[1] * groups;
            for (int i = 0; i < spatial; i++)
                shape[i + 2] = xs[i + 2] < 0 ? -1 : (xs[i + 2] - 1) * stride[i] - 2 * padding[i] + dilation[i] * (ws[i + 2] - 1) + outputPadding[i] + 1;
        }
        var inputs = b is null ? new[] { ctx.In(x), ctx.In(w) } : [ctx.In(x), ctx.In(w), ctx.In(b)];
        return ctx.Emit("ConvTranspose", inputs, x.DataType, shape,
            NodeAttribute.Of("strides", stride), NodeAttribute.Of("pads", padding.Concat(padding)), NodeAttribute.Of("dilations", dilation),
            NodeAttribute.Of("group", groups), NodeAttribute.Of("output_padding", outputPadding));
    }
}
