using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Expand"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class ExpandTests
{
    [Fact]
    public void Lower_WhenExpand_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("expand", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Expand");
    }

    [Fact]
    public void Lower_WhenSizeIsTheSymbolicBatch_ExpandsToTheRunTimeBatch()
    {
        var module = TorchScriptFixtures.LoadOpCase("expand", out var reference);
        var token = reference.Single(t => t.Name == "input.t").Data;
        var x = TorchScriptFixtures.Ramp(3, 3, 4);
        ValueInfo[] inputs =
        [
            new("x", DataType.Float32, new TensorShape([Dim.Named("batch"), Dim.Fixed(3), Dim.Fixed(4)])),
            new("t", DataType.Float32, TensorShape.Of(1, 1, 4)),
        ];

        var outputs = TorchScriptFixtures.ConvertAndRun(module, inputs, [new NamedTensor("x", x), new NamedTensor("t", token)], out _);

        // cat([t.expand(x.size(0), -1, -1), x], 1) at batch 3: each row starts with the token.
        var output = Assert.Single(outputs).Data;
        Assert.Equal(new long[] { 3, 4, 4 }, output.Shape);
        var values = TorchScriptFixtures.Floats(output);
        var t = TorchScriptFixtures.Floats(token);
        for (int b = 0; b < 3; b++) Assert.Equal(t, values.Skip(b * 16).Take(4));
    }
}
