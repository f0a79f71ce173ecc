namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary><c>torch.nn.ReLU(inplace=False)</c> → ONNX Relu (<c>inplace</c> makes no difference to the result).</summary>
internal static class Relu
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        return module.Same("Relu", input);
    }
}
