namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.RepeatInterleave"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class RepeatInterleaveTests
{
    [Fact]
    public void Lower_WhenDim_RepeatsEachEntry()
    {
        var model = TorchScriptFixtures.AssertOpCase("repeat_interleave", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Gather");
    }

    [Fact]
    public void Lower_WhenNoDim_FlattensFirst()
    {
        TorchScriptFixtures.AssertOpCase("repeat_interleave_flat", atol: 0);
    }
}
