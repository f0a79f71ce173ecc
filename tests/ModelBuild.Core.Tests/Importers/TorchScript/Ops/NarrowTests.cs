namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Narrow"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class NarrowTests
{
    [Fact]
    public void Lower_WhenStartAndLength_Slices()
    {
        var model = TorchScriptFixtures.AssertOpCase("narrow", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Slice");
    }
}
