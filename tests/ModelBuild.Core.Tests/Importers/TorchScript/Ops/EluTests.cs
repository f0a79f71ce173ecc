namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Elu"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class EluTests
{
    [Fact]
    public void Lower_WhenAlpha_Matches()
    {
        var model = TorchScriptFixtures.AssertOpCase("elu", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Elu");
    }
}
