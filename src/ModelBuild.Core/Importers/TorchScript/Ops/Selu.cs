namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::selu(Tensor self) -&gt; Tensor</c> (and <c>selu_</c>) → ONNX <c>Selu</c>, whose default alpha and gamma are
/// PyTorch's constants in float32.
/// </summary>
public static class Selu
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Selu", call.Tensor("self"));
}
