using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.LayerNorm(normalized_shape, eps=1e-5, elementwise_affine=True)</c> → ONNX LayerNormalization over
/// the last <c>len(normalized_shape)</c> dims (axis = −len). Without affine parameters the scale is a constant of
/// ones and the bias is left out.
/// </summary>
internal static class LayerNorm
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        var normalized = module.IntList("normalized_shape", module.Attribute("normalized_shape"));
        if (normalized.Length == 0 || normalized.Any(d => d <= 0)) throw module.Invalid("normalized_shape", $"({string.Join(", ", normalized)}) is not a shape");
        if (input.Rank < normalized.Length)
            throw module.InputMismatch($"the input {input} has fewer dims than normalized_shape ({string.Join(", ", normalized)})");
        for (int i = 0; i < normalized.Length; i++)
            module.RequireDim(input, input.Rank - normalized.Length + i, normalized[i], $"normalized_shape[{i}]");
        double eps = module.Float("eps");
        bool affine = module.Bool("elementwise_affine");
        var type = input.ElementType;
        long count = normalized.Aggregate(1L, (a, b) => checked(a * b));
        var scale = affine
            ? module.RequiredParameter("weight", type, normalized)
            : module.Constant("weight", type, Enumerable.Repeat(1.0, checked((int)count)).ToArray(), normalized);
        var bias = affine ? module.Parameter("bias", type, normalized) : null;
        return module.Op("LayerNormalization", bias is null ? [input.Name, scale] : [input.Name, scale, bias], type, input.Shape,
            NodeAttribute.Of("axis", (long)-normalized.Length),
            NodeAttribute.Of("epsilon", (float)eps));
    }
}
