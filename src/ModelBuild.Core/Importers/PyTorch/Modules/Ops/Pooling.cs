using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>Output sizes of torch's pooling (<c>pooling_output_shape</c>) over each spatial dim, shared by the pooling modules.</summary>
internal static class Pooling
{
    /// <summary>
    /// torch's size for one spatial dim; <paramref name="lastWindowDropped"/> is true when ceil mode made a last
    /// window that would start in the right padding, which torch drops and ONNX Runtime may keep.
    /// </summary>
    public static long OutputSize(long length, long kernel, long stride, long padding, long dilation, bool ceilMode, out bool lastWindowDropped)
    {
        long numerator = length + 2 * padding - dilation * (kernel - 1) - 1 + (ceilMode ? stride - 1 : 0);
        long output = FloorDiv(numerator, stride) + 1;
        lastWindowDropped = false;
        if (ceilMode && (output - 1) * stride >= length + padding)
        {
            output--;
            lastWindowDropped = true;
        }
        return output;
    }

    public static TensorShape Shape(ModuleContext module, ModuleValue input, long[] kernel, long[] stride, long[] padding, long[] dilation, bool ceilMode)
    {
        var dims = new List<Dim> { input.Dims[0], input.Dims[1] };
        for (int i = 0; i < kernel.Length; i++)
        {
            var dim = input.Dims[2 + i];
            if (!dim.IsFixed)
            {
                dims.Add(Dim.Unknown);
                continue;
            }
            long size = OutputSize(dim.Value!.Value, kernel[i], stride[i], padding[i], dilation[i], ceilMode, out bool dropped);
            if (size <= 0) throw module.InputMismatch($"the input {input} is too small for kernel_size ({string.Join(", ", kernel)}) at dim {2 + i}");
            if (dropped)
                throw module.Unsupported("ceil_mode", $"at input size {dim.Value} the last pooling window would start in the padding, which torch drops and ONNX keeps; use ceil_mode=False or another input size");
            dims.Add(Dim.Fixed(size));
        }
        return new TensorShape(dims);
    }

    /// <summary>torch's <c>stride=None</c> means the kernel size; it is stored resolved, but an empty tuple also means it.</summary>
    public static long[] Stride(ModuleContext module, long[] kernel) =>
        module.Attribute("stride") is object?[] { Length: 0 } or List<object?> { Count: 0 } or null ? kernel : module.Ints("stride", kernel.Length);

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
