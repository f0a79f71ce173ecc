namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.TypeAs"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class TypeAsTests
{
    [Fact]
    public void Lower_WhenOtherIsLong_CastsToInt64()
    {
        TorchScriptOpCases.AssertTyped("type_as");
    }
}
