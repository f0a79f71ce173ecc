using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::grid_sampler(Tensor input, Tensor grid, int interpolation_mode, int padding_mode, bool align_corners)</c>
/// (what <c>F.grid_sample</c> traces to) and <c>grid_sampler_2d</c> on 4-D input → ONNX <c>GridSample</c> (opset 16):
/// PyTorch's mode numbers 0, 1, 2 are bilinear, nearest, bicubic and its padding numbers 0, 1, 2 are zeros, border,
/// reflection, the same semantics in both.
/// </summary>
public static class GridSampler
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("input");
        var grid = ctx.Cast(call.Tensor("grid"), x.DataType);
        if (x.Shape is not { Length: 4 } s || grid.Shape is not { Length: 4 } g) throw call.Unsupported("input and grid must be 4-D (5-D sampling needs ONNX opset 20).");
        var mode = call.Int("interpolation_mode") switch
        {
            0 => "bilinear", 1 => "nearest", 2 => "bicubic",
            var other => throw call.Unsupported($"interpolation_mode {other} is not one of 0 (bilinear), 1 (nearest), 2 (bicubic)."),
        };
        var padding = call.Int("padding_mode") switch
        {
            0 => "zeros", 1 => "border", 2 => "reflection",
            var other => throw call.Unsupported($"padding_mode {other} is not one of 0 (zeros), 1 (border), 2 (reflection)."),
        };
        return ctx.Emit("GridSample", [ctx.In(x), ctx.In(grid)], x.DataType, [s[0], s[1], g[1], g[2]],
            NodeAttribute.Of("mode", mode), NodeAttribute.Of("padding_mode", padding), NodeAttribute.Of("align_corners", call.Bool("align_corners") ? 1L : 0L));
    }
}
