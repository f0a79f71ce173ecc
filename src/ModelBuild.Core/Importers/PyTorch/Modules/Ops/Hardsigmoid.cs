using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary><c>torch.nn.Hardsigmoid(inplace=False)</c>: <c>relu6(x+3)/6</c> → ONNX HardSigmoid(alpha=1/6, beta=0.5).</summary>
internal static class Hardsigmoid
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        return module.Same("HardSigmoid", input, NodeAttribute.Of("alpha", 1f / 6f), NodeAttribute.Of("beta", 0.5f));
    }
}
