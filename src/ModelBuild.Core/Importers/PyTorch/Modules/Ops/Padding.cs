using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// The padding modules (<c>torch.nn.ZeroPad2d</c>, <c>ConstantPad1d/2d/3d(padding, value)</c>,
/// <c>ReflectionPad1d/2d</c>, <c>ReplicationPad1d/2d/3d</c>) → ONNX Pad (modes constant, reflect, edge). Their
/// <c>padding</c> is stored as (left, right, top, bottom, …): pairs from the last dim backwards, which ONNX wants as
/// all begins then all ends.
/// </summary>
internal static class Padding
{
    public static ModuleValue Constant1d(ModuleContext module, ModuleValue input) => Convert(module, input, 1, "constant");

    public static ModuleValue Constant2d(ModuleContext module, ModuleValue input) => Convert(module, input, 2, "constant");

    public static ModuleValue Constant3d(ModuleContext module, ModuleValue input) => Convert(module, input, 3, "constant");

    public static ModuleValue Reflection1d(ModuleContext module, ModuleValue input) => Convert(module, input, 1, "reflect");

    public static ModuleValue Reflection2d(ModuleContext module, ModuleValue input) => Convert(module, input, 2, "reflect");

    public static ModuleValue Replication1d(ModuleContext module, ModuleValue input) => Convert(module, input, 1, "edge");

    public static ModuleValue Replication2d(ModuleContext module, ModuleValue input) => Convert(module, input, 2, "edge");

    public static ModuleValue Replication3d(ModuleContext module, ModuleValue input) => Convert(module, input, 3, "edge");

    private static ModuleValue Convert(ModuleContext module, ModuleValue input, int spatial, string mode)
    {
        module.RequireFloat(input);
        if (input.Rank < spatial) throw module.InputMismatch($"the input {input} has fewer than {spatial} dims to pad");
        var padding = module.Ints("padding", 2 * spatial);
        int rank = input.Rank;
        var pads = new long[2 * rank];
        var dims = input.Dims.ToArray();
        for (int i = 0; i < spatial; i++)
        {
            int axis = rank - 1 - i;
            long begin = padding[2 * i], end = padding[2 * i + 1];
            pads[axis] = begin;
            pads[rank + axis] = end;
            dims[axis] = ModuleContext.Map(dims[axis], l => l + begin + end);
        }
        var type = input.ElementType;
        var inputs = new List<string> { input.Name, module.Int64Constant("pads", pads) };
        if (mode == "constant") inputs.Add(module.Scalar("value", type, module.Has("value") ? module.Float("value") : 0));
        return module.Op("Pad", inputs, type, new TensorShape(dims), NodeAttribute.Of("mode", mode));
    }
}
