namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>ZeroPad2d, ConstantPad1d/3d, ReflectionPad1d/2d, ReplicationPad1d/2d/3d: minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class PaddingTests
{
    [Theory]
    [InlineData("ops/zeropad2d", "x: float32[batch,2,3,4]", new[] { "Pad" })]
    [InlineData("ops/constantpad1d", "x: float32[batch,2,5]", new[] { "Pad" })]
    [InlineData("ops/constantpad3d", "x: float32[batch,2,2,3,2]", new[] { "Pad" })]
    [InlineData("ops/reflectionpad1d", "x: float32[batch,2,5]", new[] { "Pad" })]
    [InlineData("ops/reflectionpad2d", "x: float32[batch,2,4,5]", new[] { "Pad" })]
    [InlineData("ops/replicationpad1d", "x: float32[batch,2,5]", new[] { "Pad" })]
    [InlineData("ops/replicationpad2d", "x: float32[batch,2,4,5]", new[] { "Pad" })]
    [InlineData("ops/replicationpad3d", "x: float32[batch,2,2,3,2]", new[] { "Pad" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
