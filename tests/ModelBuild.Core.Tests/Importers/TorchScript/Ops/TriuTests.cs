namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Triu"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class TriuTests
{
    [Fact]
    public void Lower_WhenDiagonalOne_Matches()
    {
        // x.triu(1) on [2, 4, 5].
        var model = TorchScriptFixtures.AssertOpCase("triu", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Trilu");
    }

    [Fact]
    public void Lower_WhenDiagonalIsNegative_EmitsTriluKeepingABandBelow()
    {
        // triu(x, -1) on [2, 3, 4]: a negative diagonal keeps one band below the main one.
        var model = TorchScriptFixtures.AssertOpCase("triu_negative_diagonal", atol: 0);

        var trilu = Assert.Single(model.Graph.Nodes, n => n.OpType == "Trilu");
        Assert.Equal(1L, trilu.Attributes.Single(a => a.Name == "upper").Int);
    }

    [Fact]
    public void Lower_WhenCausalMaskIsBuiltInForward_FoldsIt()
    {
        // softmax(x + triu(full((L, L), -inf), 1)): generate_square_subsequent_mask, known at conversion time.
        var model = TorchScriptFixtures.AssertOpCase("triu_causal", atol: 1e-06);

        Assert.DoesNotContain(model.Graph.Nodes, n => n.OpType is "Trilu" or "ConstantOfShape");
    }
}
