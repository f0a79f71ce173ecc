using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::fmod.Tensor(Tensor self, Tensor other)</c> and <c>fmod.Scalar</c> (and <c>fmod_</c>) → ONNX <c>Mod(fmod=1)</c>:
/// the remainder with the dividend's sign (C's fmod), unlike <c>remainder</c>.
/// </summary>
public static class Fmod
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var (a, b, type, shape) = Elementwise.Promote(ctx, call, call["self"], call["other"]);
        return ctx.Emit("Mod", [ctx.In(a), ctx.In(b)], type, shape, NodeAttribute.Of("fmod", 1L));
    }
}
