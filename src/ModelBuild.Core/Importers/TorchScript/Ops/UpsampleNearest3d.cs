using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::upsample_nearest3d(Tensor self, SymInt[3] output_size, float? scales_d=None, float? scales_h=None,
/// float? scales_w=None)</c> and its <c>.vec</c> overload (<c>F.interpolate(mode="nearest")</c> on [N, C, D, H, W]) →
/// ONNX <c>Resize</c> nearest, asymmetric coordinates, floor.
/// </summary>
public static class UpsampleNearest3d
{
    public static object? Lower(LoweringContext ctx, BoundCall call) =>
        Upsampling.Resize(ctx, call, 3, "nearest", "asymmetric", NodeAttribute.Of("nearest_mode", "floor"));
}
