namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>Softmax and LogSoftmax: minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class SoftmaxTests
{
    [Theory]
    [InlineData("ops/softmax", "x: float32[batch,3,5]", new[] { "Softmax" })]
    [InlineData("ops/log_softmax", "x: float32[batch,3,5]", new[] { "LogSoftmax" })]
    [InlineData("ops/softmax2d", "x: float32[batch,3,2,4]", new[] { "Softmax" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
