namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Sum"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class SumTests
{
    [Fact]
    public void Lower_WhenDimsAndKeepdim_Matches()
    {
        // x.sum((0, 2), keepdim=True).
        var model = TorchScriptFixtures.AssertOpCase("sum_dim", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ReduceSum");
    }

    [Fact]
    public void Lower_WhenDimsAreNegative_ReducesThoseDims()
    {
        // x.sum([1, -1], keepdim=True) / 2 on [2, 3, 4].
        var model = TorchScriptFixtures.AssertOpCase("sum_dim_negative", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ReduceSum");
    }

    [Fact]
    public void Lower_WhenAllDims_GivesAScalar()
    {
        TorchScriptFixtures.AssertOpCase("sum_all", atol: 1e-05);
    }

    [Fact]
    public void Lower_WhenNoDim_SumsEverythingAndBroadcastsBack()
    {
        // x.sum() + x: a 0-dim total broadcast back.
        var model = TorchScriptFixtures.AssertOpCase("sum_all_broadcast", atol: 1e-06);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ReduceSum");
    }

    [Fact]
    public void Lower_WhenInputIsBool_CountsInInt64()
    {
        TorchScriptOpCases.AssertTyped("sum_bool");
    }

    [Fact]
    public void Lower_WhenDtypeIsFloat64_SumsInFloat64()
    {
        TorchScriptOpCases.AssertTyped("sum_dtype", atol: 1e-06);
    }
}
