namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.InstanceNorm"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class InstanceNormTests
{
    [Fact]
    public void Lower_WhenAffine_UsesInstanceNormalization()
    {
        var model = TorchScriptFixtures.AssertOpCase("instance_norm", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "InstanceNormalization");
    }

    [Fact]
    public void Lower_WhenNoWeights_UsesUnitScale()
    {
        TorchScriptFixtures.AssertOpCase("instance_norm_plain", atol: 1e-05);
    }

    [Fact]
    public void Lower_WhenRunningStatistics_UsesBatchNormalization()
    {
        // track_running_stats=True in eval mode
        var model = TorchScriptFixtures.AssertOpCase("instance_norm_running", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "BatchNormalization");
    }
}
