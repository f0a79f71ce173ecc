using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::pad(Tensor self, int[] pad, str mode="constant", float? value=None) -&gt; Tensor</c> (what <c>F.pad</c>
/// traces to) and <c>aten::constant_pad_nd(Tensor self, int[] pad, Scalar value=0)</c> → ONNX <c>Pad</c>. PyTorch
/// lists (begin, end) pairs from the last dim backwards; ONNX wants all begins then all ends. Modes constant, reflect
/// and replicate (ONNX <c>edge</c>); negative pads crop, as in both.
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
            _ => throw call.Unsupported($"mode '{mode}' is not supported (constant, reflect, replicate)."),
        };
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
}
