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
        TensorValue inner;
        if (approximate == "none")
        {
            var scaled = ctx.Emit("Mul", [ctx.In(x), C(1 / Math.Sqrt(2))], t, x.Shape);
            inner = ctx.Unary("Erf", scaled);
        }
        else if (approximate == "tanh")
        {
            var cube = ctx.Emit("Mul", [ctx.In(x), ctx.In(ctx.Emit("Mul", [ctx.In(x), ctx.In(x)], t, x.Shape))], t, x.Shape);
            var sum = ctx.Emit("Add", [ctx.In(x), ctx.In(ctx.Emit("Mul", [ctx.In(cube), C(0.044715)], t, x.Shape))], t, x.Shape);
            inner = ctx.Unary("Tanh", ctx.Emit("Mul", [ctx.In(sum), C(Math.Sqrt(2 / Math.PI))], t, x.Shape));
        }
        else throw call.Unsupported($"approximate='{approximate}' is not 'none' or 'tanh'.");
        var onePlus = ctx.Emit("Add", [ctx.In(inner), C(1)], t, x.Shape);
        var half = ctx.Emit("Mul", [ctx.In(x), C(0.5)], t, x.Shape);
        return ctx.Emit("Mul", [ctx.In(half), ctx.In(onePlus)], t, x.Shape);
    }
}
