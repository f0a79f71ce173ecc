namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Tril"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class TrilTests
{
    [Fact]
    public void Lower_WhenDiagonalMinusOne_Matches()
    {
        var model = TorchScriptFixtures.AssertOpCase("tril", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Trilu");
    }
}
