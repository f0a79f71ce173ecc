using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Recurrent"/>, the stacking the LSTM, GRU and RNN lowerings
/// share (their numbers are checked in <see cref="LstmTests"/>, <see cref="GruTests"/>, <see cref="RnnTests"/>): what
/// it refuses, on traces PyTorch made (tests/fixtures/rnn), with MBLD2015 naming the op and the reason.
/// </summary>
public sealed class RecurrentTests
{
    [Fact]
    public void Lower_WhenLstmHasProjection_ThrowsNamingProjSize()
    {
        var e = Assert.Throws<ModelBuildException>(() => RecurrentFixtures.Convert("lstm_proj", "x: float32[seq,batch,4]"));

        Assert.Equal(DiagnosticCode.TorchScriptOperatorArguments, e.Code);
        Assert.Contains("aten::lstm.input", e.Message);
        Assert.Contains("proj_size", e.Message);
    }

    [Fact]
    public void Lower_WhenTracedInTrainingWithDropout_ThrowsAskingForEvalMode()
    {
        var e = Assert.Throws<ModelBuildException>(() => RecurrentFixtures.Convert("gru_train_dropout", "x: float32[seq,batch,4]"));

        Assert.Equal(DiagnosticCode.TorchScriptOperatorArguments, e.Code);
        Assert.Contains("aten::gru.input", e.Message);
        Assert.Contains("model.eval()", e.Message);
    }

    [Fact]
    public void Lower_WhenInitialStateHasTheWrongLayerCount_ThrowsNamingTheExpectedShape()
    {
        // gru_state is a 2-layer GRU: h0 must be [2, batch, 6].
        var e = Assert.Throws<ModelBuildException>(() => RecurrentFixtures.Convert("gru_state", "x: float32[seq,batch,4]; h0: float32[3,batch,6]"));

        Assert.Equal(DiagnosticCode.TorchScriptOperatorArguments, e.Code);
        Assert.Contains("[2 (layers·directions), batch, 6]", e.Message);
    }

    [Fact]
    public void Lower_WhenWeightsAreGraphInputs_ReordersThemWithNodesAndMatches()
    {
        // torch._VF.gru with its weights passed to forward: no initializer to rearrange, so Slice/Concat/Reshape do it.
        var model = RecurrentFixtures.AssertCase("gru_functional",
            "x: float32[seq,batch,4]; w_ih: float32[18,4]; w_hh: float32[18,6]; b_ih: float32[18]; b_hh: float32[18]");

        var gru = Assert.Single(model.Graph.Nodes, n => n.OpType == "GRU");
        Assert.Empty(model.Graph.Initializers);
        Assert.Equal("Reshape", model.Graph.Nodes.Single(n => n.Outputs.Contains(gru.Inputs[1])).OpType);
    }

    [Fact]
    public void Lower_WhenSequenceAndBatchAreStatic_KeepsStaticShapesAndMatches()
    {
        // The traced sizes are not needed: a fully static signature (set 1's batch 3 × sequence 7) converts as well.
        var model = RecurrentFixtures.AssertCase("lstm_layers2", "x: float32[7,3,5]", sets: [1]);

        Assert.Equal([7L, 3, 8], model.Graph.Outputs[0].Shape!.Dims.Select(d => d.Value!.Value));
    }
}
