namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Logsumexp"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class LogsumexpTests
{
    [Fact]
    public void Lower_WhenInputsAreLarge_StaysFinite()
    {
        // inputs scaled by 30: exp alone would overflow float32
        TorchScriptFixtures.AssertOpCase("logsumexp", atol: 0.0001);
    }
}
