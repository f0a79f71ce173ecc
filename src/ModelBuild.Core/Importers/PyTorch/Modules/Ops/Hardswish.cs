namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary><c>torch.nn.Hardswish(inplace=False): x·relu6(x+3)/6</c> → ONNX HardSwish (<c>inplace</c> makes no difference to the result).</summary>
internal static class Hardswish
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        return module.Same("HardSwish", input);
    }
}
