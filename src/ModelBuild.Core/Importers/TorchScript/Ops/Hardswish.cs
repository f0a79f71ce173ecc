using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::hardswish(Tensor self) -&gt; Tensor</c> (and <c>hardswish_</c>) → ONNX <c>HardSwish</c> (x·relu6(x+3)/6).</summary>
public static class Hardswish
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("HardSwish", call.Tensor("self"));
}
