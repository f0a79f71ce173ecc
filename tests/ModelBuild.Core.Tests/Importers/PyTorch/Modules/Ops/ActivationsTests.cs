namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>SELU, CELU, Softplus, Mish, Hardtanh, LogSigmoid, Softsign, Tanhshrink, Hardshrink, Softshrink, Threshold: minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class ActivationsTests
{
    [Theory]
    [InlineData("ops/selu", "x: float32[batch,3,5]", new[] { "Selu" })]
    [InlineData("ops/celu", "x: float32[batch,3,5]", new[] { "Celu" })]
    [InlineData("ops/softplus", "x: float32[batch,3,5]", new[] { "Softplus", "Where" })]
    [InlineData("ops/mish", "x: float32[batch,3,5]", new[] { "Softplus", "Tanh" })]
    [InlineData("ops/hardtanh", "x: float32[batch,3,5]", new[] { "Clip" })]
    [InlineData("ops/logsigmoid", "x: float32[batch,3,5]", new[] { "Softplus" })]
    [InlineData("ops/softsign", "x: float32[batch,3,5]", new[] { "Softsign" })]
    [InlineData("ops/tanhshrink", "x: float32[batch,3,5]", new[] { "Tanh", "Sub" })]
    [InlineData("ops/hardshrink", "x: float32[batch,3,5]", new[] { "Shrink" })]
    [InlineData("ops/softshrink", "x: float32[batch,3,5]", new[] { "Shrink" })]
    [InlineData("ops/threshold", "x: float32[batch,3,5]", new[] { "Where" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
