namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Convolution"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class ConvolutionTests
{
    [Fact]
    public void Lower_WhenConvolution_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("convolution", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Conv");
    }

    [Fact]
    public void Lower_WhenConvolutionGroups_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("convolution_groups", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Conv");
    }

    [Fact]
    public void Lower_WhenTransposedWithGroupsAndOutputPadding_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("conv_transpose2d", atol: 1e-05);

        var node = Assert.Single(model.Graph.Nodes, n => n.OpType == "ConvTranspose");
        Assert.Equal(new long[] { 1, 1 }, node.Attributes.Single(a => a.Name == "output_padding").Ints);
    }

    [Fact]
    public void Lower_WhenConv1d_Matches()
    {
        TorchScriptFixtures.AssertOpCase("conv1d", atol: 1e-5);
    }

    [Fact]
    public void Lower_WhenConvTranspose1d_Matches()
    {
        var model = TorchScriptFixtures.AssertOpCase("conv_transpose1d", atol: 1e-5);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ConvTranspose");
    }
}
