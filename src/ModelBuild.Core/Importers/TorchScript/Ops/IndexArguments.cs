namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// The <c>Tensor?[] indices</c> argument of <c>aten::index</c> and <c>aten::index_put_</c>: one entry per leading dim,
/// None for a full slice. Shared so reading and writing through an index agree on which dims are indexed.
/// </summary>
internal static class IndexArguments
{
    /// <summary>The given (non-None) index values with the dim each applies to, in dim order.</summary>
    public static List<(object? Value, int Dim)> Given(BoundCall call)
    {
        var indices = call["indices"] switch
        {
            List<object?> l => l,
            TupleValue t => t.Items.ToList(),
            _ => throw call.Unsupported("indices must be a list."),
        };
        return indices.Select((v, i) => (v, i)).Where(p => p.v is not null).ToList();
    }
}
