namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::clone(Tensor self, *, MemoryFormat? memory_format=None) -&gt; Tensor</c>: no node, but a new tensor value
/// naming the same ONNX value, so in-place writes into the clone (<c>y = x.clone(); y[:, 0] = 1.0</c>) leave
/// <c>x</c> as it was.
/// </summary>
public static class Clone
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        return new TensorValue(x.Name, x.DataType, x.Shape, (double[]?)x.Known?.Clone());
    }
}
