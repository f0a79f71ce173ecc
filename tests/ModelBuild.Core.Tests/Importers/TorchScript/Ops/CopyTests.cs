namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Copy"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class CopyTests
{
    [Fact]
    public void Lower_WhenTensorIsCopiedIntoAStridedSliceOfARunTimeTensor_Scatters()
    {
        // y = x.clone(); y[1:, 0:4:2] = v; return y + 1
        var model = TorchScriptFixtures.AssertOpCase("clone_copy_slice", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ScatterElements");
    }

    [Fact]
    public void Lower_WhenRunTimeValueIsCopiedIntoAConversionTimeTensor_Scatters()
    {
        // m = x.new_zeros((2, 3)); m[:, 1] = x[:, 0]
        TorchScriptFixtures.AssertOpCase("new_zeros_copy", atol: 0);
    }
}
