namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Triu"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class TriuTests
{
    [Fact]
    public void Lower_WhenDiagonalOne_Matches()
    {
        var model = TorchScriptFixtures.AssertOpCase("triu", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Trilu");
    }
}
