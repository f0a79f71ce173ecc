namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.GELU(approximate='none')</c>: <c>x·½(1 + erf(x/√2))</c>; with <c>approximate='tanh'</c>:
/// <c>x·½(1 + tanh(√(2/π)(x + 0.044715x³)))</c>. Decomposed, as opset 17 has no Gelu (it came in opset 20).
/// </summary>
internal static class Gelu
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        var approximate = module.OneOf("approximate", "none", "tanh");
        var type = input.ElementType;
        var shape = input.Shape;
        ModuleValue inner;
        if (approximate == "none")
        {
            var scaled = module.Op("Div", [input.Name, module.Scalar("sqrt2", type, Math.Sqrt(2))], type, shape);
            inner = module.Op("Erf", [scaled.Name], type, shape);
        }
        else
        {
            var square = module.Op("Mul", [input.Name, input.Name], type, shape);
            var cube = module.Op("Mul", [square.Name, input.Name], type, shape);
            var cubic = module.Op("Mul", [cube.Name, module.Scalar("coefficient", type, 0.044715)], type, shape);
            var sum = module.Op("Add", [input.Name, cubic.Name], type, shape);
            var scaled = module.Op("Mul", [sum.Name, module.Scalar("sqrt_2_over_pi", type, Math.Sqrt(2 / Math.PI))], type, shape);
            inner = module.Op("Tanh", [scaled.Name], type, shape);
        }
        var onePlus = module.Op("Add", [inner.Name, module.Scalar("one", type, 1)], type, shape);
        var half = module.Op("Mul", [input.Name, module.Scalar("half", type, 0.5)], type, shape);
        return module.Op("Mul", [half.Name, onePlus.Name], type, shape);
    }
}
