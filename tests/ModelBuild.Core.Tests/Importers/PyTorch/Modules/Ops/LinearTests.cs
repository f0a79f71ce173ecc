namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>Linear (Gemm for rank 2, MatMul+Add otherwise): minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class LinearTests
{
    [Theory]
    [InlineData("ops/linear", "x: float32[batch,6]", new[] { "Gemm" })]
    [InlineData("ops/linear_3d_nobias", "x: float32[batch,3,6]", new[] { "MatMul" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
