using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False)</c>
/// → ONNX MaxPool. <c>return_indices=True</c> (a tuple output) is MBLD2051.
/// </summary>
internal static class MaxPool2d
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input) => Convert(module, input, 2);

    /// <summary>The 1-d module (<c>torch.nn.MaxPool1d</c>, same state) over [N, C, L].</summary>
    public static ModuleValue Convert1d(ModuleContext module, ModuleValue input) => Convert(module, input, 1);

    /// <summary>The 3-d module (<c>torch.nn.MaxPool3d</c>, same state) over [N, C, D, H, W].</summary>
    public static ModuleValue Convert3d(ModuleContext module, ModuleValue input) => Convert(module, input, 3);

    private static ModuleValue Convert(ModuleContext module, ModuleValue input, int spatial)
    {
        module.RequireFloat(input);
        module.RequireRank(input, spatial + 2);
        if (module.Bool("return_indices")) throw module.Unsupported("return_indices", "True returns (values, indices); only the values output is converted");
        var kernel = module.Ints("kernel_size", spatial);
        var stride = Pooling.Stride(module, kernel);
        var padding = module.Ints("padding", spatial);
        var dilation = module.Ints("dilation", spatial);
        bool ceilMode = module.Bool("ceil_mode");
        var shape = Pooling.Shape(module, input, kernel, stride, padding, dilation, ceilMode);
        return module.Op("MaxPool", [input.Name], input.ElementType, shape,
            NodeAttribute.Of("kernel_shape", kernel),
            NodeAttribute.Of("strides", stride),
            NodeAttribute.Of("pads", padding.Concat(padding)),
            NodeAttribute.Of("dilations", dilation),
            NodeAttribute.Of("ceil_mode", ceilMode ? 1L : 0L));
    }
}
