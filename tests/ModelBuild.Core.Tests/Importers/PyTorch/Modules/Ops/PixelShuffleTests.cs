namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>PixelShuffle: minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class PixelShuffleTests
{
    [Theory]
    [InlineData("ops/pixel_shuffle", "x: float32[batch,8,2,3]", new[] { "DepthToSpace" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
