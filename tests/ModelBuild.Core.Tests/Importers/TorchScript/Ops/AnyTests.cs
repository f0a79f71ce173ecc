namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Any"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class AnyTests
{
    [Fact]
    public void Lower_WhenDim_GivesBool()
    {
        TorchScriptOpCases.AssertTyped("any");
    }
}
