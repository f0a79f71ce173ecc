using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
/// divisor_override=None)</c> → ONNX AveragePool. <c>divisor_override</c> is MBLD2051, and so is ceil mode with
/// <c>count_include_pad</c> when a window reaches past the padding (torch and ONNX divide such windows differently).
/// </summary>
internal static class AvgPool2d
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input) => Convert(module, input, 2);

    /// <summary>The 1-d module (<c>torch.nn.AvgPool1d</c>, same state) over [N, C, L].</summary>
    public static ModuleValue Convert1d(ModuleContext module, ModuleValue input) => Convert(module, input, 1);

    /// <summary>The 3-d module (<c>torch.nn.AvgPool3d</c>, same state) over [N, C, D, H, W].</summary>
    public static ModuleValue Convert3d(ModuleContext module, ModuleValue input) => Convert(module, input, 3);

    private static ModuleValue Convert(ModuleContext module, ModuleValue input, int spatial)
    {
        module.RequireFloat(input);
        module.RequireRank(input, spatial + 2);
        // AvgPool1d has no divisor_override.
        if (module.Has("divisor_override") && !module.IsNone("divisor_override")) throw module.Unsupported("divisor_override", "a fixed divisor is not converted; only None is");
        var kernel = module.Ints("kernel_size", spatial);
        var stride = Pooling.Stride(module, kernel);
        var padding = module.Ints("padding", spatial);
        bool ceilMode = module.Bool("ceil_mode");
        bool countIncludePad = module.Bool("count_include_pad");
        var ones = Enumerable.Repeat(1L, spatial).ToArray();
        var shape = Pooling.Shape(module, input, kernel, stride, padding, ones, ceilMode);
        if (ceilMode && countIncludePad)
        {
            for (int i = 0; i < spatial; i++)
            {
                var (inDim, outDim) = (input.Dims[2 + i], shape.Dims[2 + i]);
                if (!inDim.IsFixed || (outDim.Value!.Value - 1) * stride[i] + kernel[i] > inDim.Value!.Value + 2 * padding[i])
                    throw module.Unsupported("ceil_mode", "with count_include_pad=True, a window that reaches past the padding is divided differently by torch and ONNX; use count_include_pad=False or ceil_mode=False");
            }
        }
        return module.Op("AveragePool", [input.Name], input.ElementType, shape,
            NodeAttribute.Of("kernel_shape", kernel),
            NodeAttribute.Of("strides", stride),
            NodeAttribute.Of("pads", padding.Concat(padding)),
            NodeAttribute.Of("ceil_mode", ceilMode ? 1L : 0L),
            NodeAttribute.Of("count_include_pad", countIncludePad ? 1L : 0L));
    }
}
