namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Amax"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class AmaxTests
{
    [Fact]
    public void Lower_WhenSeveralDims_Matches()
    {
        var model = TorchScriptFixtures.AssertOpCase("amax", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ReduceMax");
    }
}
