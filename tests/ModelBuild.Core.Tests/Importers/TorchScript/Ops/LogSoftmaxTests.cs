namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.LogSoftmax"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class LogSoftmaxTests
{
    [Fact]
    public void Lower_WhenLastDim_Matches()
    {
        TorchScriptFixtures.AssertOpCase("log_softmax", atol: 1e-05);
    }
}
