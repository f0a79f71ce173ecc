using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary><c>torch.nn.LeakyReLU(negative_slope=0.01, inplace=False)</c> → ONNX LeakyRelu(alpha = negative_slope).</summary>
internal static class LeakyRelu
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        return module.Same("LeakyRelu", input, NodeAttribute.Of("alpha", (float)module.Float("negative_slope")));
    }
}
