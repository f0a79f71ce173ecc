using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::upsample_bicubic2d(Tensor self, SymInt[2] output_size, bool align_corners, float? scales_h=None,
/// float? scales_w=None)</c> and its <c>.vec</c> overload (<c>F.interpolate(mode="bicubic")</c>) → ONNX <c>Resize</c>
/// cubic with PyTorch's coefficient a = −0.75 and samples outside the input clamped to its edge (exclude_outside=0).
/// </summary>
public static class UpsampleBicubic2d
{
    public static object? Lower(LoweringContext ctx, BoundCall call) =>
        Upsampling.Resize(ctx, call, 2, "cubic", call.Bool("align_corners") ? "align_corners" : "pytorch_half_pixel",
            NodeAttribute.Of("cubic_coeff_a", -0.75f), NodeAttribute.Of("exclude_outside", 0L));
}
