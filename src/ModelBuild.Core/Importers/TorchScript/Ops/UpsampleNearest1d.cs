using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::upsample_nearest1d(Tensor self, SymInt[1] output_size, float? scales=None)</c> and its <c>.vec</c> overload
/// (<c>F.interpolate(mode="nearest")</c> on [N, C, L]) → ONNX <c>Resize</c> nearest with PyTorch's source index
/// floor(dst · in / out) (asymmetric coordinates, floor).
/// </summary>
public static class UpsampleNearest1d
{
    public static object? Lower(LoweringContext ctx, BoundCall call) =>
        Upsampling.Resize(ctx, call, 1, "nearest", "asymmetric", NodeAttribute.Of("nearest_mode", "floor"));
}
