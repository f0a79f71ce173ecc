namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::new_full(Tensor self, SymInt[] size, Scalar fill_value, *, ScalarType? dtype=None, …) -&gt; Tensor</c>: fill_value of self's type unless <c>dtype</c> is given (see <see cref="Filled"/>).</summary>
public static class NewFull
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Filled.Of(ctx, call, Filled.Type(call, call.Tensor("self").DataType), call.Double("fill_value"));
}
