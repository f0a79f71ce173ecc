using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.Linear(in_features, out_features, bias=True)</c>: <c>y = x·Wᵀ + b</c> over the last dim, W
/// [out_features, in_features]. A rank-2 input becomes one Gemm (transB=1); any other rank MatMul with the
/// transposed weight, then Add.
/// </summary>
internal static class Linear
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        if (input.Rank < 1) throw module.InputMismatch($"the input {input} is a scalar; Linear needs at least one dim");
        long inFeatures = module.Int("in_features");
        long outFeatures = module.Int("out_features");
        module.RequireDim(input, input.Rank - 1, inFeatures, "in_features");
        var type = input.ElementType;
        var weight = module.RequiredParameter("weight", type, outFeatures, inFeatures);
        var bias = module.Parameter("bias", type, outFeatures);
        var shape = new TensorShape(input.Dims.Take(input.Rank - 1).Append(Dim.Fixed(outFeatures)));
        if (input.Rank == 2)
            return module.Op("Gemm", bias is null ? [input.Name, weight] : [input.Name, weight, bias], type, shape, NodeAttribute.Of("transB", 1L));
        var transposed = module.Op("Transpose", [weight], type, TensorShape.Of(inFeatures, outFeatures), NodeAttribute.Of("perm", new long[] { 1, 0 }));
        var product = module.Op("MatMul", [input.Name, transposed.Name], type, shape);
        return bias is null ? product : module.Op("Add", [product.Name, bias], type, shape);
    }
}
