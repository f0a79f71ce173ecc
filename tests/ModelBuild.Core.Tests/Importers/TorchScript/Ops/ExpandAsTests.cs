namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.ExpandAs"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class ExpandAsTests
{
    [Fact]
    public void Lower_WhenOtherIsStatic_Expands()
    {
        var model = TorchScriptFixtures.AssertOpCase("expand_as", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Expand");
    }
}
