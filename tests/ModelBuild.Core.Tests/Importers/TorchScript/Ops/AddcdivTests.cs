namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Addcdiv"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class AddcdivTests
{
    [Fact]
    public void Lower_WhenValue_Matches()
    {
        TorchScriptFixtures.AssertOpCase("addcdiv", atol: 1e-05);
    }
}
