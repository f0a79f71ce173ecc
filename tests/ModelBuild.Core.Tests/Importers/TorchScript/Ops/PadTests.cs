namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Pad"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class PadTests
{
    [Fact]
    public void Lower_WhenPad_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("pad", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Pad");
    }

    [Fact]
    public void Lower_WhenReflect_Matches()
    {
        TorchScriptFixtures.AssertOpCase("pad_reflect", atol: 0);
    }

    [Fact]
    public void Lower_WhenReplicateOn1d_Matches()
    {
        TorchScriptFixtures.AssertOpCase("pad_replicate_1d", atol: 0);
    }

    [Fact]
    public void Lower_WhenCircular_WrapsWithSlicesAndConcat()
    {
        // ONNX Pad's wrap mode is opset 19; the graph is opset 17.
        var model = TorchScriptFixtures.AssertOpCase("pad_circular", atol: 0);

        Assert.DoesNotContain(model.Graph.Nodes, n => n.OpType == "Pad");
        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Concat");
    }
}
