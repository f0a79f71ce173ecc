using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.Conv1d/Conv2d/Conv3d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1,
/// bias=True, padding_mode='zeros')</c> → ONNX Conv. <c>padding</c> may be ints or the strings <c>'valid'</c> and
/// <c>'same'</c> (split as torch splits it: the smaller half before, the larger after). Other padding modes
/// (<c>'reflect'</c>, <c>'replicate'</c>, <c>'circular'</c>) are MBLD2051.
/// </summary>
internal static class Conv
{
    public static ModuleValue Convert1d(ModuleContext module, ModuleValue input) => Convert(module, input, 1);

    public static ModuleValue Convert2d(ModuleContext module, ModuleValue input) => Convert(module, input, 2);

    public static ModuleValue Convert3d(ModuleContext module, ModuleValue input) => Convert(module, input, 3);

    /// <summary>
    /// The settings every convolution module shares, checked once for Conv and ConvTranspose alike: zero padding
    /// only, and groups that divide both channel counts.
    /// </summary>
    internal static (long In, long Out, long Groups) ReadChannels(ModuleContext module)
    {
        var paddingMode = module.String("padding_mode");
        if (paddingMode != "zeros")
            throw module.Unsupported("padding_mode", $"'{paddingMode}' padding is not converted; only 'zeros' is");
        long inChannels = module.Int("in_channels");
        long outChannels = module.Int("out_channels");
        long groups = module.Int("groups");
        if (groups <= 0 || inChannels % groups != 0 || outChannels % groups != 0)
            throw module.Invalid("groups", $"{groups} does not divide in_channels {inChannels} and out_channels {outChannels}");
        return (inChannels, outChannels, groups);
    }

    private static ModuleValue Convert(ModuleContext module, ModuleValue input, int spatial)
    {
        module.RequireFloat(input);
        module.RequireRank(input, spatial + 2);
        if (module.Bool("transposed")) throw module.Invalid("transposed", "True on a Conv module (only ConvTranspose modules are transposed)");
        var (inChannels, outChannels, groups) = ReadChannels(module);
        var kernel = module.Ints("kernel_size", spatial);
        var stride = module.Ints("stride", spatial);
        var dilation = module.Ints("dilation", spatial);
        var (begin, end) = Padding(module, spatial, kernel, stride, dilation);
        module.RequireDim(input, 1, inChannels, "in_channels");

        var type = input.ElementType;
        var weight = module.RequiredParameter("weight", type, [outChannels, inChannels / groups, .. kernel]);
        var bias = module.Parameter("bias", type, outChannels);
        var dims = new List<Dim> { input.Dims[0], Dim.Fixed(outChannels) };
        for (int i = 0; i < spatial; i++)
        {
            int axis = i;
            dims.Add(ModuleContext.Map(input.Dims[2 + i], l => (l + begin[axis] + end[axis] - dilation[axis] * (kernel[axis] - 1) - 1) / stride[axis] + 1));
        }
        return module.Op("Conv", bias is null ? [input.Name, weight] : [input.Name, weight, bias], type, new TensorShape(dims),
            NodeAttribute.Of("kernel_shape", kernel),
            NodeAttribute.Of("strides", stride),
            NodeAttribute.Of("pads", begin.Concat(end)),
            NodeAttribute.Of("dilations", dilation),
            NodeAttribute.Of("group", groups));
    }

    private static (long[] Begin, long[] End) Padding(ModuleContext module, int spatial, long[] kernel, long[] stride, long[] dilation)
    {
        var padding = module.Attribute("padding");
        if (padding is "valid") return (new long[spatial], new long[spatial]);
        if (padding is "same")
        {
            if (stride.Any(s => s != 1)) throw module.Invalid("padding", "'same' with a stride other than 1 (torch refuses it too)");
            var begin = new long[spatial];
            var end = new long[spatial];
            for (int i = 0; i < spatial; i++)
            {
                long total = dilation[i] * (kernel[i] - 1);
                begin[i] = total / 2;
                end[i] = total - begin[i];
            }
            return (begin, end);
        }
        if (padding is string other) throw module.Unsupported("padding", $"'{other}' is not a padding torch knows ('same' or 'valid')");
        var pads = module.Ints("padding", spatial);
        if (pads.Any(p => p < 0)) throw module.Invalid("padding", "negative padding");
        return (pads, pads.ToArray());
    }
}
