namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Stack"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class StackTests
{
    [Fact]
    public void Lower_WhenDim1_UnsqueezesAndConcats()
    {
        var model = TorchScriptFixtures.AssertOpCase("stack", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Concat");
    }
}
