using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.Softmax(dim=None)</c> → ONNX Softmax(axis), and <c>torch.nn.LogSoftmax(dim=None)</c> →
/// LogSoftmax(axis) (opset 13+: over that one axis, as torch). <c>dim=None</c> is torch's legacy implicit dim:
/// 0 for inputs of rank 0, 1 or 3, else 1.
/// </summary>
internal static class Softmax
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input) => Convert(module, input, "Softmax");

    public static ModuleValue ConvertLog(ModuleContext module, ModuleValue input) => Convert(module, input, "LogSoftmax");

    /// <summary><c>torch.nn.Softmax2d()</c>: softmax over the channel dim (-3) of [N, C, H, W] or [C, H, W].</summary>
    public static ModuleValue Convert2d(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        module.RequireRank(input, 3, 4);
        return module.Same("Softmax", input, NodeAttribute.Of("axis", (long)(input.Rank - 3)));
    }

    private static ModuleValue Convert(ModuleContext module, ModuleValue input, string opType)
    {
        module.RequireFloat(input);
        if (input.Rank == 0) throw module.InputMismatch($"the input {input} is a scalar");
        var dim = module.OptionalInt("dim") ?? (input.Rank is 1 or 3 ? 0 : 1);
        return module.Same(opType, input, NodeAttribute.Of("axis", (long)module.Axis("dim", dim, input.Rank)));
    }
}
