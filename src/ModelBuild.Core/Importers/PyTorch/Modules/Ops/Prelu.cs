namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.PReLU(num_parameters=1, init=0.25)</c> → ONNX PRelu. One slope broadcasts as is; one per channel
/// (dim 1) is reshaped to [C, 1, …] since ONNX broadcasts the slope from the right.
/// </summary>
internal static class Prelu
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        long count = module.Int("num_parameters");
        var type = input.ElementType;
        var weight = module.RequiredParameter("weight", type, count);
        if (count != 1)
        {
            if (input.Rank < 2) throw module.InputMismatch($"the input {input} has no channel dim for {count} slopes");
            module.RequireDim(input, 1, count, "num_parameters");
            long[] perChannel = [count, .. Enumerable.Repeat(1L, input.Rank - 2)];
            weight = module.Op("Reshape", [weight, module.Int64Constant("slope_shape", perChannel)], type, Graph.TensorShape.Of(perChannel)).Name;
        }
        return module.Op("PRelu", [input.Name, weight], type, input.Shape);
    }
}
