namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Sort"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class SortTests
{
    [Fact]
    public void Lower_WhenDescending_IsATopKOfTheWholeDim()
    {
        var model = TorchScriptFixtures.AssertOpCase("sort", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "TopK");
    }
}
