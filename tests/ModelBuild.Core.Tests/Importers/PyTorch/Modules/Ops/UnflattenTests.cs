namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>Unflatten (a -1 size): minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class UnflattenTests
{
    [Theory]
    [InlineData("ops/unflatten", "x: float32[batch,6,3]", new[] { "Reshape" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
