namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.GroupNorm"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class GroupNormTests
{
    [Fact]
    public void Lower_WhenGroupNorm_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("group_norm", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "InstanceNormalization");
    }
}
