using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.AdaptiveAvgPool2d(output_size)</c>: output 1×1 → ONNX GlobalAveragePool (any input size); any
/// other output → AveragePool with kernel = stride = input/output, which is exact when the input size is known and
/// divisible by the output size (otherwise MBLD2051). A None in <c>output_size</c> keeps that dim.
/// </summary>
internal static class AdaptiveAvgPool2d
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        module.RequireRank(input, 4);
        var value = module.Attribute("output_size");
        var target = value switch
        {
            long size => new long?[] { size, size },
            object?[] { Length: 2 } or List<object?> { Count: 2 } => ((IReadOnlyList<object?>)value).Select(v => v switch
            {
                null => (long?)null,
                long l => l,
                _ => throw module.Invalid("output_size", $"expected integers or None, found {PickleReader.Describe(v)}"),
            }).ToArray(),
            _ => throw module.Invalid("output_size", $"expected an integer or a pair, found {PickleReader.Describe(value)}"),
        };
        if (target.Any(t => t <= 0)) throw module.Invalid("output_size", "sizes must be positive");
        if (target.All(t => t == 1))
            return module.Op("GlobalAveragePool", [input.Name], input.ElementType, new TensorShape([input.Dims[0], input.Dims[1], Dim.Fixed(1), Dim.Fixed(1)]));

        var kernel = new long[2];
        var dims = new List<Dim> { input.Dims[0], input.Dims[1] };
        for (int i = 0; i < 2; i++)
        {
            var dim = input.Dims[2 + i];
            if (target[i] is null)
            {
                kernel[i] = 1;
                dims.Add(dim);
                continue;
            }
            if (!dim.IsFixed)
                throw module.Unsupported("output_size", $"pooling dim {2 + i} of {input} to {target[i]} needs its size; declare it as a number in --input");
            if (dim.Value!.Value % target[i]!.Value != 0)
                throw module.Unsupported("output_size", $"input size {dim.Value} at dim {2 + i} is not a multiple of the output size {target[i]}, so the pooling windows differ in size; only divisible sizes are converted");
            kernel[i] = dim.Value.Value / target[i]!.Value;
            dims.Add(Dim.Fixed(target[i]!.Value));
        }
        return module.Op("AveragePool", [input.Name], input.ElementType, new TensorShape(dims),
            NodeAttribute.Of("kernel_shape", kernel),
            NodeAttribute.Of("strides", kernel));
    }
}
