namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::scatter_add(Tensor self, int dim, Tensor index, Tensor src) -&gt; Tensor</c> → ONNX <c>ScatterElements(reduction="add")</c>, repeated indices summing.</summary>
public static class ScatterAdd
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Scattering.Lower(ctx, call, "add");
}
