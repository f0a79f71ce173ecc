namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Unflatten"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class UnflattenTests
{
    [Fact]
    public void Lower_WhenSizesHaveMinusOne_Reshapes()
    {
        var model = TorchScriptFixtures.AssertOpCase("unflatten", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Reshape");
    }
}
