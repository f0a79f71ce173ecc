using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Tests.Importers.TorchScript;

/// <summary>Builders for small hand-written TorchScript modules in the form torch.jit.save prints them.</summary>
internal static class TorchScriptTestData
{
    public static ValueInfo Float(string name, params long[] shape) => new(name, DataType.Float32, TensorShape.Of(shape));

    /// <summary>A module M whose forward(x) has <paramref name="body"/> (indented by four spaces, first line unindented).</summary>
    public static string Forward(string body) => $"""
        class M(Module):
          __parameters__ = []
          __buffers__ = []
          training : bool
          def forward(self: __torch__.M,
            x: Tensor) -> Tensor:
            {body}

        """;
}
