using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.InstanceNorm1d/2d/3d(num_features, eps=1e-5, momentum=0.1, affine=False, track_running_stats=False)</c>
/// in eval mode. Without running statistics each sample is normalized by its own: ONNX InstanceNormalization
/// (ones and zeros when not affine). With <c>track_running_stats=True</c> eval mode uses the running mean and
/// variance for every sample: BatchNormalization. Inputs must be batched ([N, C, …]).
/// </summary>
internal static class InstanceNorm
{
    public static ModuleValue Convert1d(ModuleContext module, ModuleValue input) => Convert(module, input, 1);

    public static ModuleValue Convert2d(ModuleContext module, ModuleValue input) => Convert(module, input, 2);

    public static ModuleValue Convert3d(ModuleContext module, ModuleValue input) => Convert(module, input, 3);

    private static ModuleValue Convert(ModuleContext module, ModuleValue input, int spatial)
    {
        module.RequireFloat(input);
        module.RequireRank(input, spatial + 2);
        long channels = module.Int("num_features");
        module.RequireDim(input, 1, channels, "num_features");
        double eps = module.Float("eps");
        bool affine = module.Bool("affine");
        var type = input.ElementType;
        var weight = affine ? module.RequiredParameter("weight", type, channels) : module.Constant("weight", type, Enumerable.Repeat(1.0, (int)channels).ToArray(), channels);
        var bias = affine ? module.RequiredParameter("bias", type, channels) : module.Constant("bias", type, new double[channels], channels);
        var epsilon = NodeAttribute.Of("epsilon", (float)eps);
        if (!module.Bool("track_running_stats"))
            return module.Op("InstanceNormalization", [input.Name, weight, bias], type, input.Shape, epsilon);
        var mean = module.Buffer("running_mean", type, channels) ?? throw module.Invalid("_buffers.running_mean", "None, but track_running_stats is True");
        var variance = module.Buffer("running_var", type, channels) ?? throw module.Invalid("_buffers.running_var", "None, but track_running_stats is True");
        return module.Op("BatchNormalization", [input.Name, weight, bias, mean, variance], type, input.Shape, epsilon);
    }
}
