using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.PixelShuffle(upscale_factor)</c> on [N, C·r², H, W] → ONNX DepthToSpace in CRD mode (channel, then the
/// r×r block), PyTorch's channel order.
/// </summary>
internal static class PixelShuffle
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireRank(input, 4);
        long r = module.Int("upscale_factor");
        if (r <= 0) throw module.Invalid("upscale_factor", $"{r} is not positive");
        var channels = input.Dims[1];
        if (channels.IsFixed && channels.Value!.Value % (r * r) != 0)
            throw module.InputMismatch($"the input {input} has {channels} channels, not a multiple of upscale_factor² = {r * r}");
        var shape = new TensorShape([input.Dims[0], ModuleContext.Map(channels, c => c / (r * r)), ModuleContext.Map(input.Dims[2], h => h * r), ModuleContext.Map(input.Dims[3], w => w * r)]);
        return module.Op("DepthToSpace", [input.Name], input.ElementType, shape, NodeAttribute.Of("blocksize", r), NodeAttribute.Of("mode", "CRD"));
    }
}
