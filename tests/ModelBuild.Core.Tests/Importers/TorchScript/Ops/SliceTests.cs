namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Slice"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class SliceTests
{
    [Fact]
    public void Lower_WhenSlice_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("slice", atol: 1e-05);

        // x[:, 1:3]: the whole-range slice of dim 0 is the input itself, only dim 1 is sliced.
        Assert.Single(model.Graph.Nodes, n => n.OpType == "Slice");
    }
}
