namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.LogicalNot"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class LogicalNotTests
{
    [Fact]
    public void Lower_WhenBool_Matches()
    {
        // logical_not(x > 0): a computed bool tensor, the bool output compared exactly.
        TorchScriptOpCases.AssertTyped("logical_not");
    }

    [Fact]
    public void Lower_WhenBoolMaskIsAnInput_InvertsIt()
    {
        // x.masked_fill(logical_not(m), 0.5) with m a bool graph input.
        var model = TorchScriptFixtures.AssertOpCase("logical_not_mask", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Not");
    }
}
