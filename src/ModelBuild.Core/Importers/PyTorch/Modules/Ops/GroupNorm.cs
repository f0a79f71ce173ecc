using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.GroupNorm(num_groups, num_channels, eps=1e-5, affine=True)</c>. Opset 17 has no GroupNormalization:
/// Reshape to [N, groups, -1], ONNX InstanceNormalization with unit scale and zero bias (each group normalized over
/// its elements), Reshape back to the input's run-time shape, then the per-channel weight and bias.
/// </summary>
internal static class GroupNorm
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        if (input.Rank < 2) throw module.InputMismatch($"the input {input} has no channel dim");
        long groups = module.Int("num_groups"), channels = module.Int("num_channels");
        if (groups <= 0 || channels % groups != 0) throw module.Invalid("num_groups", $"{groups} does not divide num_channels {channels}");
        module.RequireDim(input, 1, channels, "num_channels");
        double eps = module.Float("eps");
        bool affine = module.Bool("affine");
        var type = input.ElementType;
        var groupedShape = new TensorShape([input.Dims[0], Dim.Fixed(groups), Dim.Unknown]);
        var grouped = module.Op("Reshape", [input.Name, module.Int64Constant("grouped_shape", [0, groups, -1])], type, groupedShape);
        var ones = module.Constant("unit_scale", type, Enumerable.Repeat(1.0, (int)groups).ToArray(), groups);
        var zeros = module.Constant("zero_bias", type, new double[groups], groups);
        var normalized = module.Op("InstanceNormalization", [grouped.Name, ones, zeros], type, groupedShape, NodeAttribute.Of("epsilon", (float)eps));
        var shape = module.Op("Shape", [input.Name], Tensors.DataType.Int64, TensorShape.Of([input.Rank]));
        var result = module.Op("Reshape", [normalized.Name, shape.Name], type, input.Shape);
        if (!affine) return result;
        long[] perChannel = [channels, .. Enumerable.Repeat(1L, input.Rank - 2)];
        var channelShape = module.Int64Constant("channel_shape", perChannel);
        var weight = module.Op("Reshape", [module.RequiredParameter("weight", type, channels), channelShape], type, TensorShape.Of(perChannel));
        var bias = module.Op("Reshape", [module.RequiredParameter("bias", type, channels), channelShape], type, TensorShape.Of(perChannel));
        var scaled = module.Op("Mul", [result.Name, weight.Name], type, input.Shape);
        return module.Op("Add", [scaled.Name, bias.Name], type, input.Shape);
    }
}
