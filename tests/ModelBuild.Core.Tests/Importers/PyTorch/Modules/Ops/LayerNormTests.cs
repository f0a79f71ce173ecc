namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>LayerNorm (two normalized dims; no affine): minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class LayerNormTests
{
    [Theory]
    [InlineData("ops/layernorm", "x: float32[batch,3,4,5]", new[] { "LayerNormalization" })]
    [InlineData("ops/layernorm_no_affine", "x: float32[batch,3,5]", new[] { "LayerNormalization" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
