namespace ModelBuild.Cli.Tests.Commands;

/// <summary>
/// convert of traced nn.LSTM / nn.GRU / nn.RNN models (tests/fixtures/rnn, traced at sequence 4 × batch 2) with a
/// symbolic sequence and batch, gated against PyTorch at sequence 5 × batch 1 and sequence 7 × batch 3 at the default
/// fp32 tolerance (atol 1e-5, rtol 1e-4).
/// </summary>
public sealed class RecurrentConvertTests
{
    [Theory]
    [InlineData("lstm", 1, "x: float32[seq,batch,4]")]
    [InlineData("lstm_layers2", 1, "x: float32[seq,batch,5]")]
    [InlineData("lstm_bidirectional", 1, "x: float32[seq,batch,4]")]
    [InlineData("lstm_batch_first", 3, "x: float32[batch,seq,6]")]
    [InlineData("lstm_state", 3, "x: float32[seq,batch,4]", "h0: float32[4,batch,6]", "c0: float32[4,batch,6]")]
    [InlineData("lstm_no_bias", 1, "x: float32[seq,batch,4]")]
    [InlineData("gru", 1, "x: float32[seq,batch,4]")]
    [InlineData("gru_layers2", 1, "x: float32[seq,batch,5]")]
    [InlineData("gru_bidirectional", 2, "x: float32[seq,batch,4]")]
    [InlineData("gru_batch_first", 2, "x: float32[batch,seq,6]")]
    [InlineData("gru_state", 2, "x: float32[seq,batch,4]", "h0: float32[2,batch,6]")]
    [InlineData("rnn_tanh", 2, "x: float32[seq,batch,4]")]
    [InlineData("rnn_relu", 2, "x: float32[seq,batch,4]", "h0: float32[2,batch,6]")]
    [InlineData("lstm_text_classifier", 1, "x: int64[batch,seq]")]
    public void Convert_WhenTracedRecurrentModelWithSymbolicSequenceAndBatch_PassesTheGateAtOtherSizes(string name, int outputs, params string[] inputs)
    {
        using var temp = new TempFolder();
        var args = new List<string> { "convert", CliRunner.Fixture($"rnn/{name}.pt") };
        foreach (var input in inputs) args.AddRange(["--input", input]);
        args.AddRange(["--reference", CliRunner.Fixture($"rnn/{name}.ref.npz"), "-o", temp.File(name + ".onnx")]);

        var result = CliRunner.Run([.. args]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{outputs} output{(outputs == 1 ? "" : "s")} × 2 sets match within tolerance", result.Stdout);
    }

    [Fact]
    public void Convert_WhenLstmHasProjection_FailsWithMbld2015NamingProjSize()
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", CliRunner.Fixture("rnn/lstm_proj.pt"), "--input", "x: float32[seq,batch,4]", "-o", temp.File("net.onnx"), "--no-verify");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("error MBLD2015", result.Stderr);
        Assert.Contains("proj_size", result.Stderr);
        Assert.False(File.Exists(temp.File("net.onnx")));
    }
}
