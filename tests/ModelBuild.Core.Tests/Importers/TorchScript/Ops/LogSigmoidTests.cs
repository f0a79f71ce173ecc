namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.LogSigmoid"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class LogSigmoidTests
{
    [Fact]
    public void Lower_WhenInputSpansBothSigns_Matches()
    {
        TorchScriptFixtures.AssertOpCase("log_sigmoid", atol: 1e-05);
    }
}
