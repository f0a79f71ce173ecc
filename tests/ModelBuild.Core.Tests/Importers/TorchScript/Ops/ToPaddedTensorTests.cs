using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Importers.TorchScript;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.ToPaddedTensor"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class ToPaddedTensorTests
{
    [Fact]
    public void Lower_WhenSequencesAreShorterThanTheInput_PadsToTheLongestOnly()
    {
        // Token counts 3 and 2 of 5 positions: PyTorch's output is [2, 3, 3] with row 1's third position -1.
        var model = TorchScriptFixtures.AssertOpCase("nested_tensor_from_mask", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Slice");
        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Where");
    }

    [Fact]
    public void Lower_WhenInputIsNotNested_FailsNamingIt()
    {
        var module = TorchScriptFixtures.FromSource("""
            class M(Module):
              __parameters__ = []
              __buffers__ = []
              training : bool
              def forward(self: __torch__.M, x: Tensor) -> Tensor:
                return torch.to_padded_tensor(x, 0.)
            """);

        var error = Assert.Throws<ModelBuildException>(() =>
            TorchScriptGraphBuilder.Build(module, new TorchScriptImportOptions([new ValueInfo("x", DataType.Float32, TensorShape.Of(2, 5, 3))])));

        Assert.Equal(DiagnosticCode.TorchScriptOperatorArguments, error.Code);
        Assert.Contains("nested tensor", error.Message);
    }
}
