namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::scatter.src(Tensor self, int dim, Tensor index, Tensor src)</c>, <c>scatter.value</c> and their
/// <c>reduce=</c> forms ("add", "multiply") → ONNX <c>ScatterElements</c> (see <see cref="Scattering"/>).
/// </summary>
public static class Scatter
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var reduction = call.Has("reduce") ? call.OptionalString("reduce") switch
        {
            "add" => "add",
            "multiply" => "mul",
            var other => throw call.Unsupported($"reduce '{other}' is not supported (add, multiply)."),
        } : "none";
        return Scattering.Lower(ctx, call, reduction);
    }
}
