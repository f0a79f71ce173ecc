using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::upsample_linear1d(Tensor self, SymInt[1] output_size, bool align_corners, float? scales=None)</c> and its
/// <c>.vec</c> overload (<c>F.interpolate(mode="linear")</c>) → ONNX <c>Resize</c> linear with
/// <c>pytorch_half_pixel</c> coordinates, or <c>align_corners</c> when asked.
/// </summary>
public static class UpsampleLinear1d
{
    public static object? Lower(LoweringContext ctx, BoundCall call) =>
        Upsampling.Resize(ctx, call, 1, "linear", call.Bool("align_corners") ? "align_corners" : "pytorch_half_pixel");
}
