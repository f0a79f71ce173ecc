namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Nonzero"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class NonzeroTests
{
    [Fact]
    public void Lower_WhenBoolInput_GivesCountByRankIndices()
    {
        var model = TorchScriptOpCases.AssertTyped("nonzero");

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "NonZero");
    }
}
