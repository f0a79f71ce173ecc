using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary><c>torch.nn.GLU(dim=-1)</c>: the input split in halves a, b on <c>dim</c> (two ONNX Slices), then a · sigmoid(b). The dim must be fixed and even.</summary>
internal static class Glu
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        int axis = module.Axis("dim", module.Int("dim"), input.Rank);
        var dim = input.Dims[axis];
        if (!dim.IsFixed || dim.Value!.Value % 2 != 0) throw module.InputMismatch($"GLU needs dim {axis} of {input} to be a fixed even size");
        long half = dim.Value.Value / 2;
        var shape = new TensorShape(input.Dims.Select((d, i) => i == axis ? Dim.Fixed(half) : d));
        var axes = module.Int64Constant("axes", [axis]);
        var first = module.Op("Slice", [input.Name, module.Int64Constant("start", [0]), module.Int64Constant("middle", [half]), axes], input.ElementType, shape);
        var second = module.Op("Slice", [input.Name, module.Int64Constant("middle", [half]), module.Int64Constant("end", [2 * half]), axes], input.ElementType, shape);
        var gate = module.Same("Sigmoid", second);
        return module.Op("Mul", [first.Name, gate.Name], input.ElementType, shape);
    }
}
