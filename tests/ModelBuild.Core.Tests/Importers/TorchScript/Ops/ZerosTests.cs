namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Zeros"/> on code PyTorch traced: the op case
/// (tests/fixtures/torchscript/ops) and a traced GRU's zero initial state <c>torch.zeros([4, int(x.size(1)), 6])</c>
/// (tests/fixtures/rnn/gru_bidirectional), each checked against PyTorch's outputs.
/// </summary>
public sealed class ZerosTests
{
    [Fact]
    public void Lower_WhenStaticSize_IsAConstant()
    {
        TorchScriptFixtures.AssertOpCase("zeros", atol: 0);
    }

    [Fact]
    public void Lower_WhenSizeIsSymbolic_BuildsTheZerosAtRunTime()
    {
        var model = RecurrentFixtures.AssertCase("gru_bidirectional", "x: float32[seq,batch,4]");

        Assert.Single(model.Graph.Nodes, n => n.OpType == "ConstantOfShape");
    }

    [Fact]
    public void Lower_WhenSizeIsStatic_MakesAConstantKnownAtConversionTime()
    {
        var model = RecurrentFixtures.AssertCase("gru_bidirectional", "x: float32[5,1,4]", sets: [0]);

        Assert.DoesNotContain(model.Graph.Nodes, n => n.OpType == "ConstantOfShape");
    }
}
