namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary><c>torch.nn.Tanh()</c> → ONNX Tanh (<c>inplace</c> makes no difference to the result).</summary>
internal static class Tanh
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        return module.Same("Tanh", input);
    }
}
