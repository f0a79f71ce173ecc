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
}
