namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::frac(Tensor self) -&gt; Tensor</c> (and <c>frac_</c>) → x − trunc(x), with trunc as in <see cref="Trunc"/>.</summary>
public static class Frac
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        return ctx.Emit("Sub", [ctx.In(x), ctx.In(Trunc.Of(ctx, x))], x.DataType, x.Shape);
    }
}
