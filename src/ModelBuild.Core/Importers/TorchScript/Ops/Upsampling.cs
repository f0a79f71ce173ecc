using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// ONNX <c>Resize</c> for the upsample ops of any spatial rank (1-D, 2-D, 3-D): by output size (the leading
/// [N, C] taken from the input's run-time shape) or by scale factors, from the plain overloads
/// (<c>output_size</c>, <c>scales</c>/<c>scales_h</c>/…) or the <c>.vec</c> ones (<c>output_size</c>,
/// <c>scale_factors</c>) that <c>F.interpolate</c> traces to.
/// </summary>
internal static class Upsampling
{
    public static TensorValue Resize(LoweringContext ctx, BoundCall call, int spatial, string mode, string coordinates, params NodeAttribute[] extra)
    {
        var x = call.Tensor(call.Has("self") ? "self" : "input");
        if (x.Shape is not { } s || s.Length != spatial + 2) throw call.Unsupported($"the input must be {spatial + 2}-D [N, C, …].");
        NodeAttribute[] attributes = [NodeAttribute.Of("mode", mode), NodeAttribute.Of("coordinate_transformation_mode", coordinates), .. extra];
        if (call["output_size"] is not null)
        {
            var size = call.Ints("output_size");
            if (size.Length != spatial) throw call.Unsupported($"output_size must have {spatial} entries.");
            var leading = ctx.Emit("Shape", [ctx.In(x)], DataType.Int64, [2], NodeAttribute.Of("start", 0L), NodeAttribute.Of("end", 2L));
            var sizes = ctx.Emit("Concat", [ctx.In(leading), ctx.In(ctx.Ints(size))], DataType.Int64, [s.Length], NodeAttribute.Of("axis", 0L));
            return ctx.Emit("Resize", [ctx.In(x), "", "", ctx.In(sizes)], x.DataType, [s[0], s[1], .. size], attributes);
        }
        var scales = Scales(call, spatial);
        var scaleValues = ctx.EmitConstant([1, 1, .. scales], DataType.Float32, [s.Length]);
        long[] shape = [s[0], s[1], .. scales.Select((f, i) => s[i + 2] < 0 ? -1 : (long)Math.Floor(s[i + 2] * f))];
        return ctx.Emit("Resize", [ctx.In(x), "", scaleValues], x.DataType, shape, attributes);
    }

    private static double[] Scales(BoundCall call, int spatial)
    {
        if (call.Has("scale_factors"))
        {
            if (call["scale_factors"] is not List<object?> f || f.Count != spatial) throw call.Unsupported($"give output_size or {spatial} scale factors.");
            return f.Select(v => v switch { double d => d, long l => l, _ => throw call.Unsupported("scale factors must be numbers.") }).ToArray();
        }
        string[] names = spatial switch { 1 => ["scales"], 2 => ["scales_h", "scales_w"], _ => ["scales_d", "scales_h", "scales_w"] };
        if (names.Any(n => call[n] is null)) throw call.Unsupported("give output_size or scale factors.");
        return names.Select(call.Double).ToArray();
    }
}
