namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary><c>torch.nn.Sigmoid()</c> → ONNX Sigmoid (<c>inplace</c> makes no difference to the result).</summary>
internal static class Sigmoid
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        return module.Same("Sigmoid", input);
    }
}
