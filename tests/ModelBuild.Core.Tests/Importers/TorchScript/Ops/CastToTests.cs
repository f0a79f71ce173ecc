namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.CastTo"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class CastToTests
{
    [Fact]
    public void Lower_WhenCastLong_CastsToInt64()
    {
        TorchScriptOpCases.AssertTyped("cast_long");
    }
}
