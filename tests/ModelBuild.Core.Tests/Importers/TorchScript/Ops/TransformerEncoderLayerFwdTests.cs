using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.TransformerEncoderLayerFwd"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class TransformerEncoderLayerFwdTests
{
    [Fact]
    public void Lower_WhenReluAndNormAfter_MatchesPyTorch()
    {
        var model = TorchScriptFixtures.AssertOpCase("transformer_encoder_layer_fwd", atol: 1e-05);

        Assert.Equal(2, model.Graph.Nodes.Count(n => n.OpType == "LayerNormalization"));
        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Relu");
        Assert.DoesNotContain(model.Graph.Nodes, n => n.OpType == "Where");
    }

    [Fact]
    public void Lower_WhenGeluNormFirstAndKeyPaddingMask_MatchesPyTorch()
    {
        // 4 heads, eps 1e-3, the second sequence's last two keys padded (mask_type 1).
        var model = TorchScriptFixtures.AssertOpCase("transformer_encoder_layer_fwd_gelu_norm_first_padded", atol: 1e-05);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Erf");
        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Where");
        Assert.All(model.Graph.Nodes.Where(n => n.OpType == "LayerNormalization"),
            n => Assert.Equal(1e-3f, n.Attributes.Single(a => a.Name == "epsilon").Float));
    }

    [Fact]
    public void Lower_WhenBatchIsSymbolic_MasksEachSequenceAtRunTime()
    {
        var module = TorchScriptFixtures.LoadOpCase("transformer_encoder_layer_fwd_gelu_norm_first_padded", out var reference);
        var graphInputs = TorchScriptFixtures.InputsOf(reference)
            .Select(v => v.Name is "x" or "m" ? new ValueInfo(v.Name, v.ElementType, new TensorShape([Dim.Named("batch"), .. v.Shape!.Dims.Skip(1)])) : v).ToList();
        var inputs = reference.Where(t => t.Name.StartsWith("input.", StringComparison.Ordinal)).Select(t => new NamedTensor(t.Name["input.".Length..], t.Data)).ToList();

        var outputs = TorchScriptFixtures.ConvertAndRun(module, graphInputs, inputs, out _);

        TorchScriptFixtures.AssertClose(reference.Single(t => t.Name == "output.output").Data, Assert.Single(outputs).Data, atol: 1e-05, rtol: 1e-4);
    }
}
