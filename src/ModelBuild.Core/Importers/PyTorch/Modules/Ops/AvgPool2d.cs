using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
/// divisor_override=None)</c> → ONNX AveragePool. <c>divisor_override</c> is MBLD2051, and so is ceil mode with
/// <c>count_include_pad</c> when a window reaches past the padding (torch and ONNX divide such windows differently).
/// </summary>
internal static class AvgPool2d
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        module.RequireRank(input, 4);
        if (!module.IsNone("divisor_override")) throw module.Unsupported("divisor_override", "a fixed divisor is not converted; only None is");
        var kernel = module.Ints("kernel_size", 2);
        var stride = Pooling.Stride(module, kernel);
        var padding = module.Ints("padding", 2);
        bool ceilMode = module.Bool("ceil_mode");
        bool countIncludePad = module.Bool("count_include_pad");
        var ones = new long[] { 1, 1 };
        var shape = Pooling.Shape(module, input, kernel, stride, padding, ones, ceilMode);
        if (ceilMode && countIncludePad)
        {
            for (int i = 0; i < 2; i++)
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
