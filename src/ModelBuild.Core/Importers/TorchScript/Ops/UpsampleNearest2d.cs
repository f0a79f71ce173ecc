using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::upsample_nearest2d(Tensor self, SymInt[2] output_size, float? scales_h=None, float? scales_w=None)</c> and
/// <c>upsample_nearest2d.vec(Tensor input, SymInt[]? output_size, float[]? scale_factors)</c> (what
/// <c>F.interpolate(mode="nearest")</c> traces to) → ONNX <c>Resize</c> nearest, asymmetric coordinates, floor:
/// PyTorch's source index floor(dst · in / out). Sizes give [batch, channels] from the input's run-time shape.
/// </summary>
public static class UpsampleNearest2d
{
    public static object? Lower(LoweringContext ctx, BoundCall call) =>
        Resize(ctx, call, "nearest", "asymmetric", NodeAttribute.Of("nearest_mode", "floor"));

    /// <summary>Shared with <see cref="UpsampleBilinear2d"/>: Resize by output size or by scale factors.</summary>
    internal static TensorValue Resize(LoweringContext ctx, BoundCall call, string mode, string coordinates, params NodeAttribute[] extra)
    {
        var x = call.Tensor(call.Has("self") ? "self" : "input");
        if (x.Shape is not { Length: 4 } s) throw call.Unsupported("the input must be 4-D [N, C, H, W].");
        var sizeArgument = call.Has("output_size") ? call["output_size"] : null;
        double[]? scales = call.Has("scale_factors") && call["scale_factors"] is List<object?> f
            ? f.Select(v => v switch { double d => d, long l => l, _ => throw call.Unsupported("scale factors must be numbers.") }).ToArray()
            : null;
        if (scales is null && call.Has("scales_h") && call["scales_h"] is not null && sizeArgument is null)
            scales = [call.Double("scales_h"), call.Double("scales_w")];
        NodeAttribute[] attributes = [NodeAttribute.Of("mode", mode), NodeAttribute.Of("coordinate_transformation_mode", coordinates), .. extra];
        if (sizeArgument is not null)
        {
            var size = call.Ints("output_size");
            if (size.Length != 2) throw call.Unsupported("output_size must have two entries.");
            var leading = ctx.Emit("Shape", [ctx.In(x)], DataType.Int64, [2], NodeAttribute.Of("start", 0L), NodeAttribute.Of("end", 2L));
            var sizes = ctx.Emit("Concat", [ctx.In(leading), ctx.In(ctx.Ints(size))], DataType.Int64, [4], NodeAttribute.Of("axis", 0L));
            return ctx.Emit("Resize", [ctx.In(x), "", "", ctx.In(sizes)], x.DataType, [s[0], s[1], size[0], size[1]], attributes);
        }
        if (scales is not { Length: 2 }) throw call.Unsupported("give output_size or two scale factors.");
        var scaleValues = ctx.EmitConstant([1, 1, scales[0], scales[1]], DataType.Float32, [4]);
        long Out(long n, double f) => n < 0 ? -1 : (long)Math.Floor(n * f);
        return ctx.Emit("Resize", [ctx.In(x), "", scaleValues], x.DataType, [s[0], s[1], Out(s[2], scales[0]), Out(s[3], scales[1])], attributes);
    }
}
