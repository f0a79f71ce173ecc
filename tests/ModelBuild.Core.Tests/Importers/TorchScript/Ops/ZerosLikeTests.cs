using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.ZerosLike"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class ZerosLikeTests
{
    [Fact]
    public void Lower_WhenSmallStaticInput_IsAConstant()
    {
        // zeros_like(x) + x.
        var model = TorchScriptFixtures.AssertOpCase("zeros_like", atol: 0);

        Assert.DoesNotContain(model.Graph.Nodes, n => n.OpType == "ConstantOfShape");
    }

    [Fact]
    public void Lower_WhenDtypeDiffersAndZerosAreWrittenInPlace_FoldsToAConstant()
    {
        // zeros_like(m, dtype=float32).masked_fill_(m, -2.0) + x: the zeros are known, no ConstantOfShape.
        var model = TorchScriptFixtures.AssertOpCase("zeros_like_mask", atol: 0);

        Assert.DoesNotContain(model.Graph.Nodes, n => n.OpType == "ConstantOfShape");
    }

    [Fact]
    public void Lower_WhenBatchIsSymbolic_MakesZerosOfTheRunTimeShape()
    {
        var module = TorchScriptFixtures.LoadOpCase("zeros_like_mask", out var reference);
        ValueInfo[] graphInputs =
        [
            new("x", DataType.Float32, new TensorShape([Dim.Named("batch"), Dim.Fixed(3)])),
            new("m", DataType.Bool, new TensorShape([Dim.Named("batch"), Dim.Fixed(3)])),
        ];
        var inputs = reference.Where(t => t.Name.StartsWith("input.", StringComparison.Ordinal)).Select(t => new NamedTensor(t.Name["input.".Length..], t.Data)).ToList();

        var outputs = TorchScriptFixtures.ConvertAndRun(module, graphInputs, inputs, out var model);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ConstantOfShape");
        TorchScriptFixtures.AssertClose(reference.Single(t => t.Name == "output.output").Data, Assert.Single(outputs).Data, atol: 0, rtol: 1e-4);
    }
}
