namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>GELU (approximate none and tanh): minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class GeluTests
{
    [Theory]
    [InlineData("ops/gelu", "x: float32[batch,3,5]", new[] { "Erf" })]
    [InlineData("ops/gelu_tanh", "x: float32[batch,3,5]", new[] { "Tanh" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
