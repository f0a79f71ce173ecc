using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary><c>torch.nn.ELU(alpha=1.0, inplace=False)</c> → ONNX Elu(alpha).</summary>
internal static class Elu
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        return module.Same("Elu", input, NodeAttribute.Of("alpha", (float)module.Float("alpha")));
    }
}
