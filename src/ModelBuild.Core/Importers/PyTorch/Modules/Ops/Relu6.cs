namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary><c>torch.nn.ReLU6(inplace=False)</c>: <c>min(max(x, 0), 6)</c> → ONNX Clip with constant bounds.</summary>
internal static class Relu6
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        var type = input.ElementType;
        return module.Op("Clip", [input.Name, module.Scalar("min", type, 0), module.Scalar("max", type, 6)], type, input.Shape);
    }
}
