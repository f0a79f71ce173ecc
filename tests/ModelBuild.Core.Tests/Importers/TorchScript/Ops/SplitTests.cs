namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Split"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class SplitTests
{
    [Fact]
    public void Lower_WhenSizeDoesNotDivide_LastPartIsSmaller()
    {
        // 5 rows split by 2: 2, 2, 1
        var model = TorchScriptFixtures.AssertOpCase("split", atol: 0);

        var split = Assert.Single(model.Graph.Nodes, n => n.OpType == "Split");
        Assert.Equal(3, split.Outputs.Count);
    }
}
