namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Scatter"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class ScatterTests
{
    [Fact]
    public void Lower_WhenSrcIsLargerThanIndex_UsesItsLeadingPart()
    {
        var model = TorchScriptFixtures.AssertOpCase("scatter", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ScatterElements");
    }

    [Fact]
    public void Lower_WhenScalarValue_Matches()
    {
        TorchScriptFixtures.AssertOpCase("scatter_value", atol: 0);
    }
}
