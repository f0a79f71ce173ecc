namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.UpsampleNearest3d"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class UpsampleNearest3dTests
{
    [Fact]
    public void Lower_WhenSize_Matches()
    {
        var model = TorchScriptFixtures.AssertOpCase("upsample_nearest3d", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Resize");
    }
}
