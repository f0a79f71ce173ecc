namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.All"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class AllTests
{
    [Fact]
    public void Lower_WhenNoDim_GivesABoolScalar()
    {
        TorchScriptOpCases.AssertTyped("all");
    }
}
