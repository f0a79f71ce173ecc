using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::upsample_trilinear3d</c> and its <c>.vec</c> overload (<c>F.interpolate(mode="trilinear")</c>) → ONNX
/// <c>Resize</c> linear over D, H, W with <c>pytorch_half_pixel</c> or <c>align_corners</c> coordinates.
/// </summary>
public static class UpsampleTrilinear3d
{
    public static object? Lower(LoweringContext ctx, BoundCall call) =>
        Upsampling.Resize(ctx, call, 3, "linear", call.Bool("align_corners") ? "align_corners" : "pytorch_half_pixel");
}
