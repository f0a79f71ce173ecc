using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.BatchNorm1d/2d/3d(num_features, eps=1e-5, momentum=0.1, affine=True,
/// track_running_stats=True)</c> in eval mode. With running statistics: ONNX BatchNormalization on
/// <c>running_mean</c>/<c>running_var</c> (weight and bias ones and zeros when <c>affine=False</c>). With
/// <c>track_running_stats=False</c> torch normalises by the batch's own statistics even in eval mode, so that is
/// lowered as ReduceMean over every dim but the channel, the biased variance, and the affine transform.
/// </summary>
internal static class BatchNorm
{
    public static ModuleValue Convert1d(ModuleContext module, ModuleValue input)
    {
        module.RequireRank(input, 2, 3);
        return Convert(module, input);
    }

    public static ModuleValue Convert2d(ModuleContext module, ModuleValue input)
    {
        module.RequireRank(input, 4);
        return Convert(module, input);
    }

    public static ModuleValue Convert3d(ModuleContext module, ModuleValue input)
    {
        module.RequireRank(input, 5);
        return Convert(module, input);
    }

    private static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        long channels = module.Int("num_features");
        double eps = module.Float("eps");
        bool affine = module.Bool("affine");
        module.Bool("track_running_stats");
        module.RequireDim(input, 1, channels, "num_features");
        var type = input.ElementType;

        var ones = Enumerable.Repeat(1.0, (int)channels).ToArray();
        var weight = affine ? module.RequiredParameter("weight", type, channels) : module.Constant("weight", type, ones, channels);
        var bias = affine ? module.RequiredParameter("bias", type, channels) : module.Constant("bias", type, new double[channels], channels);
        var mean = module.Buffer("running_mean", type, channels);
        var variance = module.Buffer("running_var", type, channels);
        if (mean is not null && variance is not null)
            return module.Op("BatchNormalization", [input.Name, weight, bias, mean, variance], type, input.Shape, NodeAttribute.Of("epsilon", (float)eps));
        if (mean is not null || variance is not null)
            throw module.Invalid(mean is null ? "_buffers.running_mean" : "_buffers.running_var", "one running statistic is None and the other is not");

        // Batch statistics: axes are every dim but the channel (dim 1); the variance is the biased one torch uses.
        var axes = Enumerable.Range(0, input.Rank).Where(a => a != 1).Select(a => (long)a).ToArray();
        var batchMean = module.Op("ReduceMean", [input.Name], type, Keep(input), NodeAttribute.Of("axes", axes), NodeAttribute.Of("keepdims", 1L));
        var centered = module.Op("Sub", [input.Name, batchMean.Name], type, input.Shape);
        var squared = module.Op("Mul", [centered.Name, centered.Name], type, input.Shape);
        var batchVariance = module.Op("ReduceMean", [squared.Name], type, Keep(input), NodeAttribute.Of("axes", axes), NodeAttribute.Of("keepdims", 1L));
        var shifted = module.Op("Add", [batchVariance.Name, module.Scalar("eps", type, eps)], type, Keep(input));
        var deviation = module.Op("Sqrt", [shifted.Name], type, Keep(input));
        var normalized = module.Op("Div", [centered.Name, deviation.Name], type, input.Shape);
        // Per-channel weight and bias broadcast against dim 1: [C] becomes [C,1,…] for each dim after the channel.
        var perChannel = module.Int64Constant("channel_shape", [channels, .. Enumerable.Repeat(1L, input.Rank - 2)]);
        var channelShape = new TensorShape([Dim.Fixed(channels), .. Enumerable.Repeat(Dim.Fixed(1), input.Rank - 2)]);
        var scale = module.Op("Reshape", [weight, perChannel], type, channelShape);
        var offset = module.Op("Reshape", [bias, perChannel], type, channelShape);
        var scaled = module.Op("Mul", [normalized.Name, scale.Name], type, input.Shape);
        return module.Op("Add", [scaled.Name, offset.Name], type, input.Shape);
    }

    private static TensorShape Keep(ModuleValue input) =>
        new(input.Dims.Select((d, i) => i == 1 ? d : Dim.Fixed(1)));
}
