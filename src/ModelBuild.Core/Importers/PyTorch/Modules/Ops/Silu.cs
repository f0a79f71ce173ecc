namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary><c>torch.nn.SiLU(inplace=False)</c>: <c>x·sigmoid(x)</c> → Sigmoid, Mul (opset 17 has no SiLU).</summary>
internal static class Silu
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        var gate = module.Same("Sigmoid", input);
        return module.Op("Mul", [input.Name, gate.Name], input.ElementType, input.Shape);
    }
}
