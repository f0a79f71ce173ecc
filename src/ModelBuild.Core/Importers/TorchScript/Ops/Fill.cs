namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::fill_.Scalar(Tensor(a!) self, Scalar value) -&gt; Tensor(a!)</c> and <c>fill_.Tensor</c>. On a tensor known
/// at conversion time, or a slice of one, with a known value, the value is written into it (and through a slice into
/// the tensor it views, see <see cref="TensorValue.ViewRoot"/>), so Swin's attention mask stays a constant. Otherwise
/// (<c>y = x.clone(); y[:, 0] = 1.0</c>) the write becomes graph nodes through <see cref="Views.Write"/>.
/// </summary>
public static class Fill
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        double? known = call["value"] switch
        {
            TensorValue { Known: [var k] } => k,
            TensorValue => null,
            _ => call.Double("value"),
        };
        var root = x.ViewRoot ?? x;
        if (known is not double value || x.Name is not null || x.Known is null || root.Name is not null || root.Known is null || (x.ViewRoot is not null && (!x.HasViewPositions || x.ViewParent is null)))
            return Views.Write(ctx, call, x, ctx.AsTensor(call["value"], x.DataType, call, "value"));
        if (x.ViewPositions is { } positions) foreach (var p in positions) root.Known[p] = value;
        else Array.Fill(root.Known, value);
        Array.Fill(x.Known, value);
        return x;
    }
}
