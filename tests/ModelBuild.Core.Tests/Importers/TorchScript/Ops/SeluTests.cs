namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Selu"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class SeluTests
{
    [Fact]
    public void Lower_WhenDefault_MatchesPyTorchsConstants()
    {
        TorchScriptFixtures.AssertOpCase("selu", atol: 1e-05);
    }
}
