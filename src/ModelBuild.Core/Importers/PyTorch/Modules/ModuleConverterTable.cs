using ModelBuild.Core.Importers.PyTorch.Modules.Ops;

namespace ModelBuild.Core.Importers.PyTorch.Modules;

/// <summary>
/// The standard <c>torch.nn</c> classes a pickled whole module may be made of, keyed by qualified class name
/// (<c>torch.nn.modules.linear.Linear</c>), each with the converter of its eval-mode <c>forward</c> (one file per
/// module under <c>Ops/</c>). Written out here, not registered by side effect, so a converter cannot silently
/// drop out; a duplicate key throws when the table is built.
/// </summary>
public static class ModuleConverterTable
{
    private static readonly Dictionary<string, ModuleConverter> Converters = Build();

    /// <summary>Every class name the table converts, sorted.</summary>
    public static IReadOnlyList<string> ClassNames { get; } = Converters.Keys.Order(StringComparer.Ordinal).ToArray();

    public static bool TryGet(string className, out ModuleConverter converter) => Converters.TryGetValue(className, out converter!);

    private static Dictionary<string, ModuleConverter> Build()
    {
        var table = new Dictionary<string, ModuleConverter>(StringComparer.Ordinal);
        void Add(string module, string name, ModuleConverter converter)
        {
            var key = $"torch.nn.modules.{module}.{name}";
            if (!table.TryAdd(key, converter)) throw new InvalidOperationException($"module converter '{key}' registered twice");
        }

        Add("container", "Sequential", Sequential.Convert);
        Add("linear", "Linear", Linear.Convert);
        Add("linear", "Identity", Identity.Convert);
        Add("linear", "NonDynamicallyQuantizableLinear", Linear.Convert);   // MultiheadAttention.out_proj: a Linear
        Add("conv", "Conv1d", Conv.Convert1d);
        Add("conv", "Conv2d", Conv.Convert2d);
        Add("conv", "ConvTranspose2d", ConvTranspose2d.Convert);
        Add("batchnorm", "BatchNorm1d", BatchNorm.Convert1d);
        Add("batchnorm", "BatchNorm2d", BatchNorm.Convert2d);
        Add("normalization", "LayerNorm", LayerNorm.Convert);
        Add("activation", "ReLU", Relu.Convert);
        Add("activation", "ReLU6", Relu6.Convert);
        Add("activation", "LeakyReLU", LeakyRelu.Convert);
        Add("activation", "ELU", Elu.Convert);
        Add("activation", "GELU", Gelu.Convert);
        Add("activation", "SiLU", Silu.Convert);
        Add("activation", "Sigmoid", Sigmoid.Convert);
        Add("activation", "Tanh", Tanh.Convert);
        Add("activation", "Softmax", Softmax.Convert);
        Add("activation", "LogSoftmax", Softmax.ConvertLog);
        Add("activation", "Hardswish", Hardswish.Convert);
        Add("activation", "Hardsigmoid", Hardsigmoid.Convert);
        foreach (var dropout in new[] { "Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout", "FeatureAlphaDropout" })
            Add("dropout", dropout, Identity.Convert);
        Add("flatten", "Flatten", Flatten.Convert);
        Add("activation", "MultiheadAttention", MultiheadAttention.Convert);
        Add("transformer", "TransformerEncoderLayer", TransformerEncoderLayer.Convert);
        Add("pooling", "MaxPool2d", MaxPool2d.Convert);
        Add("pooling", "AvgPool2d", AvgPool2d.Convert);
        Add("pooling", "AdaptiveAvgPool2d", AdaptiveAvgPool2d.Convert);
        Add("sparse", "Embedding", Embedding.Convert);
        Add("upsampling", "Upsample", Upsample.Convert);
        Add("upsampling", "UpsamplingNearest2d", Upsample.Convert);
        Add("upsampling", "UpsamplingBilinear2d", Upsample.Convert);
        Add("conv", "ConvTranspose1d", ConvTranspose2d.Convert1d);
        Add("pooling", "MaxPool1d", MaxPool2d.Convert1d);
        Add("pooling", "AvgPool1d", AvgPool2d.Convert1d);
        Add("normalization", "GroupNorm", GroupNorm.Convert);
        Add("instancenorm", "InstanceNorm1d", InstanceNorm.Convert1d);
        Add("instancenorm", "InstanceNorm2d", InstanceNorm.Convert2d);
        Add("instancenorm", "InstanceNorm3d", InstanceNorm.Convert3d);
        Add("activation", "PReLU", Prelu.Convert);
        Add("activation", "SELU", Activations.Selu);
        Add("activation", "CELU", Activations.Celu);
        Add("activation", "Softplus", Activations.Softplus);
        Add("activation", "Mish", Activations.Mish);
        Add("activation", "Hardtanh", Activations.Hardtanh);
        Add("activation", "LogSigmoid", Activations.LogSigmoid);
        Add("activation", "Softsign", Activations.Softsign);
        Add("activation", "Tanhshrink", Activations.Tanhshrink);
        Add("activation", "Hardshrink", Activations.Hardshrink);
        Add("activation", "Softshrink", Activations.Softshrink);
        Add("activation", "Threshold", Activations.Threshold);
        Add("activation", "GLU", Glu.Convert);
        Add("padding", "ZeroPad2d", Padding.Constant2d);
        Add("padding", "ConstantPad1d", Padding.Constant1d);
        Add("padding", "ConstantPad2d", Padding.Constant2d);
        Add("padding", "ConstantPad3d", Padding.Constant3d);
        Add("padding", "ReflectionPad1d", Padding.Reflection1d);
        Add("padding", "ReflectionPad2d", Padding.Reflection2d);
        Add("padding", "ReplicationPad1d", Padding.Replication1d);
        Add("padding", "ReplicationPad2d", Padding.Replication2d);
        Add("padding", "ReplicationPad3d", Padding.Replication3d);
        Add("flatten", "Unflatten", Unflatten.Convert);
        Add("conv", "Conv3d", Conv.Convert3d);
        Add("batchnorm", "BatchNorm3d", BatchNorm.Convert3d);
        Add("pooling", "MaxPool3d", MaxPool2d.Convert3d);
        Add("pooling", "AvgPool3d", AvgPool2d.Convert3d);
        Add("pixelshuffle", "PixelShuffle", PixelShuffle.Convert);
        Add("activation", "Softmax2d", Softmax.Convert2d);
        return table;
    }
}
