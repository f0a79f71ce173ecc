namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Repeat"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class RepeatTests
{
    [Fact]
    public void Lower_WhenMoreRepeatsThanDims_AddsLeadingDims()
    {
        var model = TorchScriptFixtures.AssertOpCase("repeat", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Tile");
    }

    [Fact]
    public void Lower_WhenNewLeadingDimsAndASymbolicBatch_Unsqueezes()
    {
        // x.repeat(2, 1, 1) on x: [batch, 3] adds a leading dim without knowing the batch.
        var model = TorchScriptOpCases.AssertWithSymbolicBatch("repeat_symbolic", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Unsqueeze");
    }
}
