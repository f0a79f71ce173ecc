namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Std"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class StdTests
{
    [Fact]
    public void Lower_WhenDim_IsTheRootOfTheUnbiasedVariance()
    {
        var model = TorchScriptFixtures.AssertOpCase("std", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Sqrt");
    }

    [Fact]
    public void Lower_WhenAllDims_Matches()
    {
        TorchScriptFixtures.AssertOpCase("std_all", atol: 1e-05);
    }
}
