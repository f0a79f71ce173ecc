namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::new_ones(Tensor self, SymInt[] size, *, ScalarType? dtype=None, …) -&gt; Tensor</c>: ones of self's type unless <c>dtype</c> is given (see <see cref="Filled"/>).</summary>
public static class NewOnes
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Filled.Of(ctx, call, Filled.Type(call, call.Tensor("self").DataType), 1);
}
