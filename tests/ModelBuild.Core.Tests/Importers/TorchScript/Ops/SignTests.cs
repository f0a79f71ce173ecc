namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Sign"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class SignTests
{
    [Fact]
    public void Lower_WhenZeroAndBothSigns_Matches()
    {
        TorchScriptFixtures.AssertOpCase("sign", atol: 0);
    }
}
