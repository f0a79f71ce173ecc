using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Importers.TorchScript;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.NestedTensorFromMask"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4). A nested tensor is only
/// observable through to_padded_tensor, so the case is <c>_nested_tensor_from_mask(x, m, False).to_padded_tensor(-1.0)</c>.
/// </summary>
public sealed class NestedTensorFromMaskTests
{
    [Fact]
    public void Lower_WhenMaskIsNotLeftAligned_TakesTheFirstCountPositionsAsPyTorch()
    {
        // Row 0's mask is [T, F, T, T, F]: 3 tokens, so PyTorch keeps positions 0..2, not 0, 2, 3.
        var model = TorchScriptFixtures.AssertOpCase("nested_tensor_from_mask", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Less");
    }

    [Fact]
    public void Lower_WhenANestedTensorReachesAnotherOp_FailsNamingIt()
    {
        var module = TorchScriptFixtures.FromSource("""
            class M(Module):
              __parameters__ = []
              __buffers__ = []
              training : bool
              def forward(self: __torch__.M, x: Tensor, m: Tensor) -> Tensor:
                _0 = torch._nested_tensor_from_mask(x, m, False)
                return torch.to_padded_tensor(torch.relu(_0), 0.)
            """);
        ValueInfo[] inputs = [new("x", DataType.Float32, TensorShape.Of(2, 5, 3)), new("m", DataType.Bool, TensorShape.Of(2, 5))];

        var error = Assert.Throws<ModelBuildException>(() => TorchScriptGraphBuilder.Build(module, new TorchScriptImportOptions(inputs)));

        Assert.Equal(DiagnosticCode.TorchScriptOperatorArguments, error.Code);
        Assert.Contains("aten::relu", error.Message);
        Assert.Contains("nested tensor", error.Message);
    }
}
