namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::fill_.Scalar(Tensor(a!) self, Scalar value) -&gt; Tensor(a!)</c> and <c>fill_.Tensor</c> on a tensor known at
/// conversion time, or a slice of one: the value is written into it (and through a slice into the tensor it views,
/// see <see cref="TensorValue.ViewRoot"/>). Filling a tensor only known at run time, or one already used by a node,
/// is MBLD2015: the graph has no in-place writes.
/// </summary>
public static class Fill
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        double value = call["value"] switch
        {
            TensorValue { Known: [var k] } => k,
            TensorValue => throw call.Unsupported("the fill value must be known at conversion time."),
            _ => call.Double("value"),
        };
        var root = x.ViewRoot ?? x;
        if (x.Name is not null || x.Known is null || root.Name is not null || root.Known is null)
            throw call.Unsupported("in-place fill_ is supported on tensors built at conversion time (new_zeros and its slices) before any node uses them.");
        if (x.ViewPositions is { } positions) foreach (var p in positions) root.Known[p] = value;
        else Array.Fill(root.Known, value);
        Array.Fill(x.Known, value);
        return x;
    }
}
