namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.NewZeros"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class NewZerosTests
{
    [Fact]
    public void Lower_WhenZerosAreFilledThenUsed_BecomesOneConstantAndMatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("new_zeros_fill", atol: 0);

        var ops = model.Graph.Nodes.Select(n => n.OpType).Where(o => o != "Constant").ToArray();
        Assert.Equal(["Add", "Identity"], ops);
    }
}
