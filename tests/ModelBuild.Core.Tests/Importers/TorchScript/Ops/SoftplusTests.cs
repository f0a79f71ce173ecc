namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Softplus"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class SoftplusTests
{
    [Fact]
    public void Lower_WhenDefault_Matches()
    {
        TorchScriptFixtures.AssertOpCase("softplus", atol: 1e-05);
    }

    [Fact]
    public void Lower_WhenBetaAndThreshold_SwitchesToLinear()
    {
        TorchScriptFixtures.AssertOpCase("softplus_beta", atol: 1e-05);
    }
}
