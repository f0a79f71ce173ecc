namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.UpsampleNearest1d"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class UpsampleNearest1dTests
{
    [Fact]
    public void Lower_WhenScaleFactor_Matches()
    {
        var model = TorchScriptFixtures.AssertOpCase("upsample_nearest1d", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Resize");
    }
}
