using System.Text;

namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Rnn"/> on nn.RNN models PyTorch traced at batch 2 and
/// sequence 4 (tests/fixtures/rnn), converted with symbolic sequence and batch and checked at batch 1 × sequence 5 and
/// batch 3 × sequence 7 at the default fp32 tolerance (atol 1e-5, rtol 1e-4).
/// </summary>
public sealed class RnnTests
{
    [Fact]
    public void Lower_WhenTanhTwoLayers_StacksTwoRnnsAndMatches()
    {
        var model = RecurrentFixtures.AssertCase("rnn_tanh", "x: float32[seq,batch,4]");

        Assert.Equal(2, model.Graph.Nodes.Count(n => n.OpType == "RNN"));
    }

    [Fact]
    public void Lower_WhenReluBidirectional_GivesEachDirectionReluAndMatches()
    {
        var model = RecurrentFixtures.AssertCase("rnn_relu", "x: float32[seq,batch,4]; h0: float32[2,batch,6]");

        var rnn = Assert.Single(model.Graph.Nodes, n => n.OpType == "RNN");
        Assert.Equal(["Relu", "Relu"], rnn.Attribute("activations")!.Strings.Select(s => Encoding.UTF8.GetString(s)));
    }
}
