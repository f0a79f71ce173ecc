using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::pad(Tensor self, int[] pad, str mode="constant", float? value=None) -&gt; Tensor</c> (what <c>F.pad</c>
/// traces to) and <c>aten::constant_pad_nd(Tensor self, int[] pad, Scalar value=0)</c> → ONNX <c>Pad</c>. PyTorch
/// lists (begin, end) pairs from the last dim backwards; ONNX wants all begins then all ends. Modes constant, reflect
/// and replicate (ONNX <c>edge</c>), where negative pads crop as in both; circular by slices and Concat.
/// </summary>
public static class Pad
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        var pad = call.Ints("pad");
        if (pad.Length % 2 != 0 || pad.Length / 2 > s.Length) throw call.Unsupported($"pad has {pad.Length} entries for a rank-{s.Length} tensor.");
        var mode = call.Has("mode") ? call.OptionalString("mode") ?? "constant" : "constant";
        var onnxMode = mode switch
        {
            "constant" => "constant",
            "reflect" => "reflect",
            "replicate" => "edge",
            "circular" => "circular",
            _ => throw call.Unsupported($"mode '{mode}' is not supported (constant, reflect, replicate, circular)."),
        };
        if (onnxMode == "circular") return Circular(ctx, call, x, s, pad);
        double value = call.Has("mode") ? (call["value"] is null ? 0 : call.Double("value")) : call.Double("value");
        var pads = new long[2 * s.Length];
        var shape = (long[])s.Clone();
        for (int i = 0; i < pad.Length / 2; i++)
        {
            int axis = s.Length - 1 - i;
            pads[axis] = pad[2 * i];
            pads[s.Length + axis] = pad[2 * i + 1];
            if (shape[axis] >= 0) shape[axis] += pad[2 * i] + pad[2 * i + 1];
        }
        var inputs = new List<string> { ctx.In(x), ctx.In(ctx.Ints(pads)) };
        if (onnxMode == "constant") inputs.Add(ctx.In(ctx.Scalar(value, x.DataType)));
        return ctx.Emit("Pad", inputs, x.DataType, shape, NodeAttribute.Of("mode", onnxMode));
    }

    /// <summary>
    /// Circular padding wraps around (ONNX Pad's <c>wrap</c> mode arrives in opset 19): per padded dim, the last
    /// <c>begin</c> entries, the tensor, and the first <c>end</c> entries, concatenated.
    /// </summary>
    private static TensorValue Circular(LoweringContext ctx, BoundCall call, TensorValue x, long[] s, long[] pad)
    {
        var result = x;
        for (int i = 0; i < pad.Length / 2; i++)
        {
            int axis = s.Length - 1 - i;
            long begin = pad[2 * i], end = pad[2 * i + 1];
            if (begin < 0 || end < 0) throw call.Unsupported("circular padding with negative pads (cropping) is not supported.");
            if (s[axis] >= 0 && (begin > s[axis] || end > s[axis])) throw call.Unsupported($"circular padding of {begin}, {end} is larger than dim {axis}'s size {s[axis]}.");
            if (begin == 0 && end == 0) continue;
            var current = result.Shape!;
            var parts = new List<string>();
            var axes = ctx.In(ctx.Ints(axis));
            if (begin > 0) parts.Add(ctx.In(ctx.Emit("Slice", [ctx.In(result), ctx.In(ctx.Ints(-begin)), ctx.In(ctx.Ints(long.MaxValue)), axes], x.DataType, WithDim(current, axis, begin))));
            parts.Add(ctx.In(result));
            if (end > 0) parts.Add(ctx.In(ctx.Emit("Slice", [ctx.In(result), ctx.In(ctx.Ints(0)), ctx.In(ctx.Ints(end)), axes], x.DataType, WithDim(current, axis, end))));
            result = ctx.Emit("Concat", parts, x.DataType, WithDim(current, axis, current[axis] < 0 ? -1 : current[axis] + begin + end), NodeAttribute.Of("axis", (long)axis));
        }
        return result;
    }

    private static long[] WithDim(long[] shape, int axis, long size)
    {
        var result = (long[])shape.Clone();
        result[axis] = size;
        return result;
    }
}
