namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>GLU: minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class GluTests
{
    [Theory]
    [InlineData("ops/glu", "x: float32[batch,6,3]", new[] { "Slice", "Sigmoid" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
