using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Lstm"/> on nn.LSTM models PyTorch traced at batch 2 and
/// sequence 4 (tests/fixtures/rnn), converted with symbolic sequence and batch and checked at batch 1 × sequence 5 and
/// batch 3 × sequence 7 at the default fp32 tolerance (atol 1e-5, rtol 1e-4).
/// </summary>
public sealed class LstmTests
{
    [Fact]
    public void Lower_WhenOneLayer_EmitsOneLstmWithReorderedLazyWeightsAndMatches()
    {
        var model = RecurrentFixtures.AssertCase("lstm", "x: float32[seq,batch,4]");

        var lstm = Assert.Single(model.Graph.Nodes, n => n.OpType == "LSTM");
        Assert.Equal(6, lstm.Attribute("hidden_size")!.Int);
        var w = Assert.Single(model.Graph.Initializers, i => i.Name == lstm.Inputs[1]);
        Assert.Equal([1L, 24, 4], w.Data.Shape);
        Assert.NotNull(w.Data.Parts); // still a view of the archive's bytes, not a copy
        var b = Assert.Single(model.Graph.Initializers, i => i.Name == lstm.Inputs[3]);
        Assert.Equal([1L, 48], b.Data.Shape);
        // The module's own weight_ih/weight_hh/bias_* are not written twice.
        Assert.DoesNotContain(model.Graph.Initializers, i => i.Name.EndsWith("weight_ih_l0", StringComparison.Ordinal));
    }

    [Fact]
    public void Lower_WhenTwoLayers_StacksTwoLstmsAndMatches()
    {
        var model = RecurrentFixtures.AssertCase("lstm_layers2", "x: float32[seq,batch,5]");

        Assert.Equal(2, model.Graph.Nodes.Count(n => n.OpType == "LSTM"));
    }

    [Fact]
    public void Lower_WhenBidirectionalTwoLayers_MergesDirectionsAndMatches()
    {
        var model = RecurrentFixtures.AssertCase("lstm_bidirectional", "x: float32[seq,batch,4]");

        var lstms = model.Graph.Nodes.Where(n => n.OpType == "LSTM").ToList();
        Assert.Equal(2, lstms.Count);
        Assert.All(lstms, n => Assert.Equal("bidirectional", System.Text.Encoding.UTF8.GetString(n.Attribute("direction")!.String!)));
        // The second layer reads both directions of the first: W is [2, 4·6, 2·6].
        Assert.Equal([2L, 24, 12], model.Graph.Initializers.Single(i => i.Name == lstms[1].Inputs[1]).Data.Shape);
    }

    [Fact]
    public void Lower_WhenBatchFirstReturningStates_MatchesOutputAndFinalStates()
    {
        var model = RecurrentFixtures.AssertCase("lstm_batch_first", "x: float32[batch,seq,6]");

        Assert.Equal(3, model.Graph.Outputs.Count);
    }

    [Fact]
    public void Lower_WhenInitialStatesGiven_SlicesThemPerLayerAndMatches()
    {
        RecurrentFixtures.AssertCase("lstm_state", "x: float32[seq,batch,4]; h0: float32[4,batch,6]; c0: float32[4,batch,6]");
    }

    [Fact]
    public void Lower_WhenNoBias_LeavesTheBiasOutAndMatches()
    {
        var model = RecurrentFixtures.AssertCase("lstm_no_bias", "x: float32[seq,batch,4]");

        Assert.Equal("", Assert.Single(model.Graph.Nodes, n => n.OpType == "LSTM").Inputs[3]);
    }

    [Fact]
    public void Lower_WhenInsideATextClassifier_ConvertsEmbeddingLstmAndHeadAndMatches()
    {
        // Embedding(20, 8) → LSTM(8, 8, num_layers=2, batch_first) → Linear(8, 3) on out[:, -1], on int64 token ids.
        var model = RecurrentFixtures.AssertCase("lstm_text_classifier", "x: int64[batch,seq]");

        Assert.Equal(2, model.Graph.Nodes.Count(n => n.OpType == "LSTM"));
        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Gather");
    }

    [Fact]
    public void Lower_WhenWeightsAreReordered_WritesThemInOnnxGateOrder()
    {
        var model = RecurrentFixtures.AssertCase("lstm", "x: float32[seq,batch,4]");
        var lstm = Assert.Single(model.Graph.Nodes, n => n.OpType == "LSTM");
        var w = TorchScriptFixtures.Floats(model.Graph.Initializers.Single(i => i.Name == lstm.Inputs[1]).Data);
        var archive = ModelBuild.Core.Importers.TorchScript.TorchScriptArchiveReader.Read(Path.Combine(RecurrentFixtures.Folder, "lstm.pt"));
        var root = ModelBuild.Core.Importers.TorchScript.TorchScriptModule.Load(archive).Root;
        var rnn = (ModelBuild.Core.Importers.TorchScript.TorchScriptObject)root.Attributes["rnn"]!;
        var torch = TorchScriptFixtures.Floats((TensorData)rnn.Attributes["weight_ih_l0"]!);

        // PyTorch's blocks i, f, g, o (6 rows of 4 each) become ONNX's i, o, f, c.
        int block = 6 * 4;
        int[] onnxFromTorch = [0, 3, 1, 2];
        for (int k = 0; k < 4; k++)
            Assert.Equal(torch.AsSpan(onnxFromTorch[k] * block, block).ToArray(), w.AsSpan(k * block, block).ToArray());
    }
}
