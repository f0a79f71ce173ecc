namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.GridSampler"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class GridSamplerTests
{
    [Fact]
    public void Lower_WhenBilinearWithZerosOutside_Matches()
    {
        var model = TorchScriptFixtures.AssertOpCase("grid_sampler", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "GridSample");
    }

    [Fact]
    public void Lower_WhenNearestWithBorderAndAlignCorners_Matches()
    {
        TorchScriptFixtures.AssertOpCase("grid_sampler_nearest_border", atol: 0);
    }
}
