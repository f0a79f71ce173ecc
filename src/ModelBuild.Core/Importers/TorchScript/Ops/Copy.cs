namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::copy_(Tensor(a!) self, Tensor src, bool non_blocking=False) -&gt; Tensor(a!)</c>, what a trace records for
/// <c>y[:, 1:3] = v</c>: <c>src</c>, broadcast and cast, is written into <c>self</c> and, when <c>self</c> is a slice
/// or select, into the tensor it views (see <see cref="Views.Write"/>).
/// </summary>
public static class Copy
{
    public static object? Lower(LoweringContext ctx, BoundCall call) =>
        Views.Write(ctx, call, call.Tensor("self"), call.Tensor("src"));
}
