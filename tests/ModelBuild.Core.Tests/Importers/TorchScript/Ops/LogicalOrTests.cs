namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.LogicalOr"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class LogicalOrTests
{
    [Fact]
    public void Lower_WhenBools_Matches()
    {
        // logical_or(x > 0, y > 0): the bool output compared exactly.
        TorchScriptOpCases.AssertTyped("logical_or");
    }

    [Fact]
    public void Lower_WhenBoolMasksBroadcast_MergesThemWithOr()
    {
        // x.masked_fill(logical_or(a [2, 3], b [1, 3]), 0.5).
        var model = TorchScriptFixtures.AssertOpCase("logical_or_masks", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Or");
    }
}
