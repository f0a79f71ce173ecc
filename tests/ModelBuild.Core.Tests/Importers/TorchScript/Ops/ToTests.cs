namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.To"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class ToTests
{
    [Fact]
    public void Lower_WhenFloatToLong_TruncatesTowardZero()
    {
        // x.long() traces to aten::to.dtype(x, 4)
        var model = TorchScriptOpCases.AssertTyped("to_long");

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Cast");
    }

    [Fact]
    public void Lower_WhenIntToFloat_Matches()
    {
        TorchScriptFixtures.AssertOpCase("to_float", atol: 0);
    }

    [Fact]
    public void Lower_WhenFloatToBool_MapsNonZeroToTrue()
    {
        TorchScriptOpCases.AssertTyped("to_bool");
    }

    [Fact]
    public void Lower_WhenToOtherTensor_TracesAsDeviceAndDtypeAndMatches()
    {
        // x.to(y) for an int32 y traces to aten::to.device(x, device, 3)
        TorchScriptOpCases.AssertTyped("to_other");
    }

    [Fact]
    public void Lower_WhenHalfAndBack_RoundsThroughFloat16()
    {
        TorchScriptFixtures.AssertOpCase("to_half", atol: 0);
    }
}
