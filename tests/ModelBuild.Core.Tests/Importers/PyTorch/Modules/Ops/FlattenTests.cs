namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>Flatten (ONNX Flatten for (1,-1), Reshape otherwise): minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class FlattenTests
{
    [Theory]
    [InlineData("ops/flatten", "x: float32[batch,2,3,4]", new[] { "Flatten" })]
    [InlineData("ops/flatten_middle", "x: float32[batch,2,3,4]", new[] { "Reshape" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
