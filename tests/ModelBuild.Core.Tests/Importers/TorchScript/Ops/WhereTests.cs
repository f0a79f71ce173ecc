namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Where"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class WhereTests
{
    [Fact]
    public void Lower_WhenBothBranchesAreTensors_BroadcastsAndMatches()
    {
        // torch.where(c > 0, x, y) with y of shape [3]
        var model = TorchScriptFixtures.AssertOpCase("where", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Where");
    }

    [Fact]
    public void Lower_WhenOtherIsAPythonFloat_KeepsTheTensorsType()
    {
        TorchScriptFixtures.AssertOpCase("where_scalar_other", atol: 0);
    }

    [Fact]
    public void Lower_WhenBothBranchesArePythonFloats_GivesFloat32()
    {
        TorchScriptFixtures.AssertOpCase("where_scalars", atol: 0);
    }

    [Fact]
    public void Lower_WhenOnlyACondition_GivesTheIndicesPerDim()
    {
        // torch.where(x > 0)[1]: the column indices of the positive elements.
        var model = TorchScriptOpCases.AssertTyped("where_indices");

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "NonZero");
    }
}
