using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::gelu(Tensor self, *, str approximate="none") -&gt; Tensor</c>. Opset 17 has no Gelu, so it is written out:
/// "none" as <c>0.5·x·(1 + erf(x/√2))</c>, "tanh" as <c>0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))</c>.
/// </summary>
public static class Gelu
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var approximate = call.OptionalString("approximate") ?? "none";
        var t = x.DataType;
        string C(double v) => ctx.In(ctx.Scalar(v, t));
        if (approximate == "none") return Exact(ctx, x);
        if (approximate != "tanh") throw call.Unsupported($"approximate='{approximate}' is not 'none' or 'tanh'.");
        var cube = ctx.Emit("Mul", [ctx.In(x), ctx.In(ctx.Emit("Mul", [ctx.In(x), ctx.In(x)], t, x.Shape))], t, x.Shape);
        var sum = ctx.Emit("Add", [ctx.In(x), ctx.In(ctx.Emit("Mul", [ctx.In(cube), C(0.044715)], t, x.Shape))], t, x.Shape);
        return Half(ctx, x, ctx.Unary("Tanh", ctx.Emit("Mul", [ctx.In(sum), C(Math.Sqrt(2 / Math.PI))], t, x.Shape)));
    }

    /// <summary>The exact form, 0.5·x·(1 + erf(x/√2)); also what the fused transformer kernels use.</summary>
    internal static TensorValue Exact(LoweringContext ctx, TensorValue x)
    {
        var scaled = ctx.Emit("Mul", [ctx.In(x), ctx.In(ctx.Scalar(1 / Math.Sqrt(2), x.DataType))], x.DataType, x.Shape);
        return Half(ctx, x, ctx.Unary("Erf", scaled));
    }

    /// <summary>0.5·x·(1 + inner).</summary>
    private static TensorValue Half(LoweringContext ctx, TensorValue x, TensorValue inner)
    {
        var t = x.DataType;
        string C(double v) => ctx.In(ctx.Scalar(v, t));
        var onePlus = ctx.Emit("Add", [ctx.In(inner), C(1)], t, x.Shape);
        var half = ctx.Emit("Mul", [ctx.In(x), C(0.5)], t, x.Shape);
        return ctx.Emit("Mul", [ctx.In(half), ctx.In(onePlus)], t, x.Shape);
    }
}
