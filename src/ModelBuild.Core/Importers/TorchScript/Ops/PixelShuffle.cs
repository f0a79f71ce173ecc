using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::pixel_shuffle(Tensor self, int upscale_factor) -&gt; Tensor</c> on [N, C·r², H, W] → ONNX
/// <c>DepthToSpace</c> in CRD mode (channel, then the r×r block), which is PyTorch's channel order.
/// </summary>
public static class PixelShuffle
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        long r = call.Int("upscale_factor");
        if (x.Shape is not { Length: 4 } s) throw call.Unsupported("the input must be 4-D [N, C, H, W].");
        if (r <= 0 || (s[1] >= 0 && s[1] % (r * r) != 0)) throw call.Unsupported($"{s[1]} channels are not divisible by upscale_factor² = {r * r}.");
        long[] shape = [s[0], s[1] < 0 ? -1 : s[1] / (r * r), s[2] < 0 ? -1 : s[2] * r, s[3] < 0 ? -1 : s[3] * r];
        return ctx.Emit("DepthToSpace", [ctx.In(x)], x.DataType, shape, NodeAttribute.Of("blocksize", r), NodeAttribute.Of("mode", "CRD"));
    }
}
