using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::contiguous(Tensor(a) self, *, MemoryFormat memory_format=contiguous_format) -&gt; Tensor(a)</c> and
/// <c>aten::detach(Tensor(a) self) -&gt; Tensor(a)</c>: no-ops on ONNX values, which have no strides or autograd.
/// </summary>
public static class Contiguous
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => call.Tensor("self");
}
