namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.MaskedSelect"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class MaskedSelectTests
{
    [Fact]
    public void Lower_WhenMaskBroadcasts_CompressesTheFlattenedInput()
    {
        var model = TorchScriptFixtures.AssertOpCase("masked_select", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Compress");
    }
}
