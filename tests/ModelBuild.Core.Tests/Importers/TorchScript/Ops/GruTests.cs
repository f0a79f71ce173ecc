namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Gru"/> on nn.GRU models PyTorch traced at batch 2 and
/// sequence 4 (tests/fixtures/rnn), converted with symbolic sequence and batch and checked at batch 1 × sequence 5 and
/// batch 3 × sequence 7 at the default fp32 tolerance (atol 1e-5, rtol 1e-4).
/// </summary>
public sealed class GruTests
{
    [Fact]
    public void Lower_WhenOneLayer_EmitsGruWithLinearBeforeResetAndMatches()
    {
        var model = RecurrentFixtures.AssertCase("gru", "x: float32[seq,batch,4]");

        var gru = Assert.Single(model.Graph.Nodes, n => n.OpType == "GRU");
        Assert.Equal(1, gru.Attribute("linear_before_reset")!.Int);
        Assert.Equal([1L, 18, 4], model.Graph.Initializers.Single(i => i.Name == gru.Inputs[1]).Data.Shape);
        Assert.Equal([1L, 36], model.Graph.Initializers.Single(i => i.Name == gru.Inputs[3]).Data.Shape);
    }

    [Fact]
    public void Lower_WhenTwoLayers_StacksTwoGrusAndMatches()
    {
        var model = RecurrentFixtures.AssertCase("gru_layers2", "x: float32[seq,batch,5]");

        Assert.Equal(2, model.Graph.Nodes.Count(n => n.OpType == "GRU"));
    }

    [Fact]
    public void Lower_WhenBidirectionalReturningState_MatchesOutputAndFinalState()
    {
        // The zero initial state is torch.zeros([4, int(x.size(1)), 6]): built at run time from the symbolic batch.
        var model = RecurrentFixtures.AssertCase("gru_bidirectional", "x: float32[seq,batch,4]");

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ConstantOfShape");
        Assert.Equal(2, model.Graph.Outputs.Count);
    }

    [Fact]
    public void Lower_WhenBatchFirstBidirectional_TransposesAroundAndMatches()
    {
        RecurrentFixtures.AssertCase("gru_batch_first", "x: float32[batch,seq,6]");
    }

    [Fact]
    public void Lower_WhenInputIsUnbatched_MatchesAtBothSequenceLengths()
    {
        // nn.GRU unsqueezes a [seq, features] input to batch 1 and squeezes dim 1 of the output.
        var model = RecurrentFixtures.AssertCase("gru_unbatched", "x: float32[seq,4]");

        Assert.Single(model.Graph.Nodes, n => n.OpType == "GRU");
    }

    [Fact]
    public void Lower_WhenInitialStateGiven_Matches()
    {
        RecurrentFixtures.AssertCase("gru_state", "x: float32[seq,batch,4]; h0: float32[2,batch,6]");
    }
}
