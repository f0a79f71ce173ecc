namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>Identity and the Dropouts (identity in eval): minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class IdentityTests
{
    [Theory]
    [InlineData("ops/dropout", "x: float32[batch,4]", new[] { "" })]
    [InlineData("ops/dropout2d", "x: float32[batch,2,3,3]", new[] { "" })]
    [InlineData("ops/identity", "x: float32[batch,4]", new[] { "" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
