namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>ReLU6: minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class Relu6Tests
{
    [Theory]
    [InlineData("ops/relu6", "x: float32[batch,3,5]", new[] { "Clip" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
