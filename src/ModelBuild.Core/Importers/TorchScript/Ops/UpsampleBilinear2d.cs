namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::upsample_bilinear2d(Tensor self, SymInt[2] output_size, bool align_corners, float? scales_h=None,
/// float? scales_w=None)</c> and its <c>.vec</c> overload (<c>F.interpolate(mode="bilinear")</c>) → ONNX <c>Resize</c>
/// linear with <c>pytorch_half_pixel</c> coordinates, or <c>align_corners</c> when asked.
/// </summary>
public static class UpsampleBilinear2d
{
    public static object? Lower(LoweringContext ctx, BoundCall call) =>
        UpsampleNearest2d.Resize(ctx, call, "linear", call.Bool("align_corners") ? "align_corners" : "pytorch_half_pixel");
}
