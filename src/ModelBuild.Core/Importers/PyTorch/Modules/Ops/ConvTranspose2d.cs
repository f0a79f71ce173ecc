using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.ConvTranspose2d(in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0,
/// groups=1, bias=True, dilation=1, padding_mode='zeros')</c> → ONNX ConvTranspose; weight
/// [in_channels, out_channels/groups, kH, kW]. Called without <c>output_size</c>, as Sequential calls it.
/// </summary>
internal static class ConvTranspose2d
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input) => Convert(module, input, 2);

    /// <summary><c>torch.nn.ConvTranspose1d</c> (same state, weight [in, out/groups, k]) over [N, C, L].</summary>
    public static ModuleValue Convert1d(ModuleContext module, ModuleValue input) => Convert(module, input, 1);

    private static ModuleValue Convert(ModuleContext module, ModuleValue input, int spatial)
    {
        module.RequireFloat(input);
        module.RequireRank(input, spatial + 2);
        if (!module.Bool("transposed")) throw module.Invalid("transposed", "False on a ConvTranspose module");
        var (inChannels, outChannels, groups) = Conv.ReadChannels(module);
        var kernel = module.Ints("kernel_size", spatial);
        var stride = module.Ints("stride", spatial);
        var padding = module.Ints("padding", spatial);
        var outputPadding = module.Ints("output_padding", spatial);
        var dilation = module.Ints("dilation", spatial);
        if (padding.Any(p => p < 0)) throw module.Invalid("padding", "negative padding");
        for (int i = 0; i < spatial; i++)
            if (outputPadding[i] < 0 || (outputPadding[i] >= stride[i] && outputPadding[i] >= dilation[i]))
                throw module.Invalid("output_padding", $"{outputPadding[i]} must be smaller than the stride or the dilation");
        module.RequireDim(input, 1, inChannels, "in_channels");

        var type = input.ElementType;
        var weight = module.RequiredParameter("weight", type, [inChannels, outChannels / groups, .. kernel]);
        var bias = module.Parameter("bias", type, outChannels);
        var dims = new List<Dim> { input.Dims[0], Dim.Fixed(outChannels) };
        for (int i = 0; i < spatial; i++)
        {
            int axis = i;
            dims.Add(ModuleContext.Map(input.Dims[2 + i], l => (l - 1) * stride[axis] - 2 * padding[axis] + dilation[axis] * (kernel[axis] - 1) + outputPadding[axis] + 1));
        }
        return module.Op("ConvTranspose", bias is null ? [input.Name, weight] : [input.Name, weight, bias], type, new TensorShape(dims),
            NodeAttribute.Of("kernel_shape", kernel),
            NodeAttribute.Of("strides", stride),
            NodeAttribute.Of("pads", padding.Concat(padding)),
            NodeAttribute.Of("output_padding", outputPadding),
            NodeAttribute.Of("dilations", dilation),
            NodeAttribute.Of("group", groups));
    }
}
