using ModelBuild.Core.Exporters.TfLite;
using ModelBuild.Core.Tests.TestSupport;
using Xunit.Abstractions;
using static ModelBuild.Core.Tests.Exporters.TfLite.TfLiteTestGraph;

namespace ModelBuild.Core.Tests.Exporters.TfLite;

/// <summary>
/// One small graph per converter (and per padding/layout case), written as TFLite, run by LiteRT.js and compared
/// with ONNX Runtime on the same graph written as ONNX, at atol 1e-4. Also asserts the TFLite operators chosen.
/// </summary>
public sealed class TfLiteOpsRuntimeTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => new(Graphs.Keys.Order(StringComparer.Ordinal));

    private static readonly Dictionary<string, (Func<TfLiteTestGraph> Build, string[] Expect)> Graphs = new()
    {
        ["conv_same_pads_relu"] = (() => { var g = new TfLiteTestGraph(); var c = g.Op("Conv", [g.Input("x", 1, 3, 8, 8), g.Weight(4, 3, 3, 3), g.Weight(4)], A("pads", 1, 1, 1, 1)); return g.Output(g.Op("Relu", [c])); }, ["CONV_2D"]),
        ["conv_stride2_explicit_pad"] = (() => { var g = new TfLiteTestGraph(); return g.Output(g.Op("Conv", [g.Input("x", 1, 3, 8, 8), g.Weight(4, 3, 3, 3)], A("pads", 1, 1, 1, 1), A("strides", 2, 2))); }, ["PAD", "CONV_2D"]),
        ["conv_dilated_asymmetric"] = (() => { var g = new TfLiteTestGraph(); return g.Output(g.Op("Conv", [g.Input("x", 1, 2, 9, 7), g.Weight(3, 2, 3, 2)], A("pads", 0, 1, 2, 0), A("dilations", 2, 1))); }, ["CONV_2D"]),
        ["conv_depthwise_multiplier2"] = (() => { var g = new TfLiteTestGraph(); return g.Output(g.Op("Conv", [g.Input("x", 1, 3, 6, 6), g.Weight(6, 1, 3, 3), g.Weight(6)], A("group", 3L), A("pads", 1, 1, 1, 1))); }, ["DEPTHWISE_CONV_2D"]),
        ["conv_grouped_resnext"] = (() => { var g = new TfLiteTestGraph(); return g.Output(g.Op("Conv", [g.Input("x", 1, 8, 6, 6), g.Weight(12, 2, 3, 3), g.Weight(12)], A("group", 4L), A("pads", 1, 1, 1, 1), A("strides", 2, 2))); }, ["CONV_2D"]),
        ["maxpool_pad_stride"] = (() => { var g = new TfLiteTestGraph(); return g.Output(g.Op("MaxPool", [g.Input("x", 1, 2, 7, 7)], A("kernel_shape", 3, 3), A("strides", 2, 2), A("pads", 1, 1, 1, 1))); }, ["MAX_POOL_2D"]),
        ["maxpool_after_relu_pads_zeros"] = (() => { var g = new TfLiteTestGraph(); var c = g.Op("Relu", [g.Op("Conv", [g.Input("x", 1, 3, 8, 8), g.Weight(4, 3, 3, 3), g.Weight(4)], A("pads", 1, 1, 1, 1), A("strides", 2, 2))]); return g.Output(g.Op("MaxPool", [c], A("kernel_shape", 3, 3), A("strides", 2, 2), A("pads", 1, 1, 1, 1))); }, ["PAD", "MAX_POOL_2D"]),
        ["maxpool_ceil_mode"] = (() => { var g = new TfLiteTestGraph(); return g.Output(g.Op("MaxPool", [g.Input("x", 1, 2, 7, 7)], A("kernel_shape", 2, 2), A("strides", 2, 2), A("ceil_mode", 1L))); }, ["MAX_POOL_2D"]),
        ["avgpool_valid"] = (() => { var g = new TfLiteTestGraph(); return g.Output(g.Op("AveragePool", [g.Input("x", 1, 2, 8, 8)], A("kernel_shape", 2, 2), A("strides", 2, 2))); }, ["AVERAGE_POOL_2D"]),
        ["avgpool_count_include_pad"] = (() => { var g = new TfLiteTestGraph(); return g.Output(g.Op("AveragePool", [g.Input("x", 1, 2, 6, 6)], A("kernel_shape", 3, 3), A("pads", 1, 1, 1, 1), A("count_include_pad", 1L))); }, ["PAD", "AVERAGE_POOL_2D"]),
        ["global_pool_flatten_gemm"] = (() => { var g = new TfLiteTestGraph(); var c = g.Op("Conv", [g.Input("x", 2, 3, 5, 5), g.Weight(4, 3, 1, 1)]); var p = g.Op("GlobalAveragePool", [c]); var f = g.Op("Flatten", [p]); return g.Output(g.Op("Gemm", [f, g.Weight(4, 6), g.Weight(6)], A("alpha", 0.5f), A("beta", 2f))); }, ["MEAN", "FULLY_CONNECTED"]),
        ["conv_bias_broadcast_add_mul"] = (() => { var g = new TfLiteTestGraph(); var c = g.Op("Conv", [g.Input("x", 1, 3, 4, 4), g.Weight(4, 3, 3, 3)], A("pads", 1, 1, 1, 1)); var a = g.Op("Add", [c, g.Weight(4, 1, 1)]); var m = g.Op("Mul", [a, c]); var s = g.Op("Sub", [m, g.Weight(1)]); return g.Output(g.Op("Div", [s, g.Const([2f], 1, 1, 1, 1)])); }, ["ADD", "MUL", "SUB", "DIV"]),
        ["activations"] = (() => { var g = new TfLiteTestGraph(); var x = g.Input("x", 2, 3, 4, 5); var s = g.Op("Sigmoid", [x]); var t = g.Op("Tanh", [s]); var h = g.Op("HardSwish", [g.Op("Mul", [t, g.Const([4f], 1)])]); var r6 = g.Op("Clip", [h, g.Const([0f]), g.Const([6f])]); return g.Output(g.Op("Clip", [g.Op("Sub", [r6, x]), g.Const([-0.5f]), g.Const([0.5f])])); }, ["LOGISTIC", "TANH", "HARD_SWISH", "RELU6", "MAXIMUM", "MINIMUM"]),
        ["concat_channels_softmax_channels"] = (() => { var g = new TfLiteTestGraph(); var x = g.Input("x", 1, 2, 5, 5); var a = g.Op("Conv", [x, g.Weight(3, 2, 1, 1)]); var b = g.Op("Conv", [x, g.Weight(2, 2, 1, 1)]); var c = g.Op("Concat", [a, b], A("axis", 1L)); return g.Output(g.Op("Softmax", [c], A("axis", 1L))); }, ["CONCATENATION", "SOFTMAX"]),
        ["softmax_last_axis"] = (() => { var g = new TfLiteTestGraph(); return g.Output(g.Op("Softmax", [g.Input("x", 2, 3, 7)], A("axis", -1L))); }, ["SOFTMAX"]),
        ["transpose_reshape"] = (() => { var g = new TfLiteTestGraph(); var t = g.Op("Transpose", [g.Input("x", 2, 3, 4)], A("perm", 2, 0, 1)); return g.Output(g.Op("Reshape", [t, g.Ints(4, -1)])); }, ["TRANSPOSE", "RESHAPE"]),
        ["reduce_mean_keep_and_drop"] = (() => { var g = new TfLiteTestGraph(); var c = g.Op("Conv", [g.Input("x", 1, 2, 4, 4), g.Weight(3, 2, 1, 1)]); var k = g.Op("ReduceMean", [c], A("axes", 2, 3), A("keepdims", 1L)); var d = g.Op("ReduceMean", [k], A("axes", new long[] { 1 }), A("keepdims", 0L)); return g.Output(d); }, ["MEAN"]),
        ["layer_norm"] = (() => { var g = new TfLiteTestGraph(); return g.Output(g.Op("LayerNormalization", [g.Input("x", 2, 5, 8), g.Weight(8), g.Weight(8)], A("epsilon", 1e-5f))); }, ["MEAN", "RSQRT"]),
        ["gelu_erf_pattern"] = (() => { var g = new TfLiteTestGraph(); var x = g.Input("x", 2, 6); var d = g.Op("Div", [x, g.Const([1.4142135f])]); var e = g.Op("Erf", [d]); var a = g.Op("Add", [e, g.Const([1f])]); var m = g.Op("Mul", [x, a]); return g.Output(g.Op("Mul", [m, g.Const([0.5f])])); }, ["GELU"]),
        ["gelu_opset20"] = (() => { var g = new TfLiteTestGraph(20); return g.Output(g.Op("Gelu", [g.Input("x", 2, 6)], A("approximate", "tanh"))); }, ["GELU"]),
        ["matmul_bias_rank3_relu"] = (() => { var g = new TfLiteTestGraph(); var m = g.Op("MatMul", [g.Input("x", 2, 5, 8), g.Weight(8, 4)]); return g.Output(g.Op("Relu", [g.Op("Add", [m, g.Weight(4)])])); }, ["FULLY_CONNECTED"]),
        ["attention_scores"] = (() => { var g = new TfLiteTestGraph(); var q = g.Input("q", 2, 5, 8); var k = g.Input("k", 2, 5, 8); var s = g.Op("MatMul", [q, g.Op("Transpose", [k], A("perm", 0, 2, 1))]); var p = g.Op("Softmax", [g.Op("Mul", [s, g.Const([0.35f])])], A("axis", -1L)); return g.Output(g.Op("MatMul", [p, k])); }, ["BATCH_MATMUL", "SOFTMAX"]),
        ["gemm_transb0_matrix_bias"] = (() => { var g = new TfLiteTestGraph(); return g.Output(g.Op("Gemm", [g.Input("x", 3, 4), g.Weight(4, 5), g.Weight(3, 5)], A("beta", 0.5f))); }, ["FULLY_CONNECTED", "ADD"]),
        ["shape_arithmetic_reshape"] = (() => { var g = new TfLiteTestGraph(); var x = g.Input("x", 2, 3, 4); var s = g.Op("Shape", [x]); var b = g.Op("Gather", [s, g.Ints(0)], A("axis", 0L)); var shape = g.Op("Concat", [b, g.Ints(-1)], A("axis", 0L)); return g.Output(g.Op("Reshape", [x, shape])); }, ["RESHAPE"]),
        ["slice_channels_in_nhwc"] = (() => { var g = new TfLiteTestGraph(); var c = g.Op("Conv", [g.Input("x", 1, 2, 5, 5), g.Weight(6, 2, 1, 1)]); var s = g.Op("Slice", [c, g.Ints(2, 1), g.Ints(5, long.MaxValue), g.Ints(1, 3)]); return g.Output(g.Op("Relu", [s])); }, ["CONV_2D", "SLICE"]),
        ["slice_packed_qkv_last_axis"] = (() => { var g = new TfLiteTestGraph(); var x = g.Input("x", 8, 1, 12); var q = g.Op("Slice", [x, g.Ints(0), g.Ints(4), g.Ints(-1)]); var v = g.Op("Slice", [x, g.Ints(-4), g.Ints(long.MaxValue), g.Ints(2)]); return g.Output(g.Op("Add", [q, v])); }, ["SLICE", "ADD"]),
        ["hardsigmoid_se_gate"] = (() => { var g = new TfLiteTestGraph(); var c = g.Op("Conv", [g.Input("x", 1, 4, 5, 5), g.Weight(6, 4, 1, 1)]); var gate = g.Op("HardSigmoid", [g.Op("GlobalAveragePool", [c])], A("alpha", 1f / 6), A("beta", 0.5f)); return g.Output(g.Op("Mul", [g.Op("Mul", [gate, g.Const([8f], 1)]), c])); }, ["RELU_0_TO_1", "MEAN", "MUL"]),
        ["gelu_erf_mul_form"] = (() => { var g = new TfLiteTestGraph(); var x = g.Input("x", 2, 3, 6); var e = g.Op("Erf", [g.Op("Mul", [x, g.Const([0.70710677f])])]); var a = g.Op("Add", [e, g.Const([1f])]); return g.Output(g.Op("Mul", [g.Op("Mul", [x, g.Const([0.5f])]), a])); }, ["GELU"]),
        ["channel_shuffle_split"] = (() => { var g = new TfLiteTestGraph(); var c = g.Op("Conv", [g.Input("x", 1, 3, 4, 4), g.Weight(8, 3, 1, 1)]); var r = g.Op("Reshape", [c, g.Ints(1, 2, 4, 4, 4)]); var t = g.Op("Transpose", [r], A("perm", 0, 2, 1, 3, 4)); var s = g.Op("Split", [g.Op("Reshape", [t, g.Ints(1, 8, 4, 4)]), g.Ints(3, 5)], 2, A("axis", 1L)); return g.Output(g.Op("Concat", [g.Op("Relu", [s[1]]), g.Op("Conv", [s[0], g.Weight(2, 3, 1, 1)])], A("axis", 1L))); }, ["TRANSPOSE", "SLICE", "CONCATENATION"]),
        ["gather_scalar_and_indices"] = (() => { var g = new TfLiteTestGraph(); var c = g.Op("Conv", [g.Input("x", 1, 2, 4, 5), g.Weight(6, 2, 1, 1)]); var first = g.Op("Gather", [c, g.Scalar(2)], A("axis", 1L)); var picked = g.Op("Gather", [c, g.Ints(4, 0, -1)], A("axis", 3L)); return g.Output(first).Output(picked); }, ["SLICE", "GATHER"]),
        ["pad_constant_in_nhwc"] = (() => { var g = new TfLiteTestGraph(); var c = g.Op("Conv", [g.Input("x", 1, 2, 3, 4), g.Weight(3, 2, 1, 1)]); var p = g.Op("Pad", [c, g.Ints(0, 0, 1, 2, 0, 1, 0, 3), g.Const([0.5f])]); return g.Output(g.Op("Pad", [p, g.Ints(0, 0, 0, 1, 0, 0, 2, 0)])); }, ["PADV2", "PAD"]),
        ["strided_slice_patch_merge"] = (() => { var g = new TfLiteTestGraph(); var c = g.Op("Conv", [g.Input("x", 1, 2, 6, 7), g.Weight(3, 2, 1, 1)]); var s = g.Op("Slice", [c, g.Ints(1, 0), g.Ints(long.MaxValue, long.MaxValue), g.Ints(2, 3), g.Ints(2, 3)]); return g.Output(g.Op("Relu", [s])); }, ["STRIDED_SLICE"]),
        ["batchnorm_unfused_relu"] = (() => { var g = new TfLiteTestGraph(); var c = g.Op("Conv", [g.Input("x", 1, 3, 4, 4), g.Weight(5, 3, 3, 3)]); var b = g.Op("BatchNormalization", [c, g.Weight(5), g.Weight(5), g.Weight(5), g.Const([0.5f, 1f, 1.5f, 2f, 0.25f], 5)], A("epsilon", 1e-3f)); return g.Output(g.Op("Relu", [b])); }, ["MUL", "ADD"]),
        ["constant_weight_split_transpose"] = (() => { var g = new TfLiteTestGraph(); var x = g.Input("x", 2, 3, 4); var w = g.Op("Split", [g.Weight(10, 4), g.Ints(6, 4)], 2, A("axis", 0L)); var y = g.Op("Add", [g.Op("MatMul", [x, g.Op("Transpose", [w[1]], A("perm", 1, 0))]), g.Weight(4)]); return g.Output(y); }, ["FULLY_CONNECTED"]),
        ["constant_attention_mask"] = (() => { var g = new TfLiteTestGraph(); var ids = g.Const([0f, 0f, 1f, 1f, 2f, 2f], 6); var d = g.Op("Sub", [g.Op("Unsqueeze", [ids, g.Ints(1)]), g.Op("Unsqueeze", [ids, g.Ints(0)])]); var mask = g.Op("Where", [g.Op("Not", [g.Op("Equal", [d, g.Const([0f])])]), g.Const([-100f]), d]); return g.Output(g.Op("Softmax", [g.Op("Add", [g.Input("x", 2, 6, 6), mask])], A("axis", -1L))); }, ["ADD", "SOFTMAX"]),
        ["matmul_inner_one_adaptive_pool"] = (() => { var g = new TfLiteTestGraph(); var p = g.Op("GlobalAveragePool", [g.Op("Conv", [g.Input("x", 1, 2, 4, 4), g.Weight(5, 2, 1, 1)])]); var up = g.Op("MatMul", [g.Op("MatMul", [g.Weight(3, 1), p]), g.Weight(1, 3)]); return g.Output(g.Op("Flatten", [up])); }, ["MUL"]),
        ["transformer_encoder_block"] = (EncoderBlock, ["FULLY_CONNECTED", "BATCH_MATMUL", "SOFTMAX", "GELU", "RSQRT"]),
    };

    /// <summary>Operators a case must not contain: what is folded at export time or needs no data movement.</summary>
    private static readonly Dictionary<string, string[]> Folded = new()
    {
        ["constant_weight_split_transpose"] = ["TRANSPOSE", "SLICE", "BATCH_MATMUL"],
        ["constant_attention_mask"] = ["SUB", "TRANSPOSE"],
        ["batchnorm_unfused_relu"] = ["RELU"],
        ["maxpool_after_relu_pads_zeros"] = ["PADV2", "RELU"],
        ["maxpool_pad_stride"] = ["PAD"],
        ["matmul_inner_one_adaptive_pool"] = ["BATCH_MATMUL"],
    };

    /// <summary>
    /// A post-norm encoder block as torch.onnx exports it at opset 17: two-head self-attention (MatMul+Add
    /// projections, Reshape/Transpose to heads, scaled scores, Softmax, back to [B,S,E]), residual, LayerNorm, an
    /// exact-GELU feed-forward (Div/Erf/Add/Mul/Mul), residual, LayerNorm.
    /// </summary>
    private static TfLiteTestGraph EncoderBlock()
    {
        const long b = 2, s = 5, e = 8, h = 2, d = 4, f = 16;
        var g = new TfLiteTestGraph();
        var x = g.Input("x", b, s, e);
        string Linear(string input, long inF, long outF) => g.Op("Add", [g.Op("MatMul", [input, g.Weight(inF, outF)]), g.Weight(outF)]);
        string Heads(string t) => g.Op("Transpose", [g.Op("Reshape", [t, g.Ints(b, s, h, d)])], A("perm", 0, 2, 1, 3));
        var q = Heads(Linear(x, e, e));
        var k = Heads(Linear(x, e, e));
        var v = Heads(Linear(x, e, e));
        var scores = g.Op("Div", [g.Op("MatMul", [q, g.Op("Transpose", [k], A("perm", 0, 1, 3, 2))]), g.Const([2f])]);
        var context = g.Op("MatMul", [g.Op("Softmax", [scores], A("axis", -1L)), v]);
        var merged = g.Op("Reshape", [g.Op("Transpose", [context], A("perm", 0, 2, 1, 3)), g.Ints(b, s, e)]);
        var norm1 = g.Op("LayerNormalization", [g.Op("Add", [x, Linear(merged, e, e)]), g.Weight(e), g.Weight(e)], A("axis", -1L));
        var hidden = Linear(norm1, e, f);
        var div = g.Op("Div", [hidden, g.Const([1.4142135f])]);
        var gelu = g.Op("Mul", [g.Op("Mul", [hidden, g.Op("Add", [g.Op("Erf", [div]), g.Const([1f])])]), g.Const([0.5f])]);
        var norm2 = g.Op("LayerNormalization", [g.Op("Add", [norm1, Linear(gelu, f, e)]), g.Weight(e), g.Weight(e)], A("axis", -1L));
        return g.Output(norm2);
    }

    [TfLiteRuntimeTheory]
    [MemberData(nameof(Cases))]
    public void Write_WhenOpGraphRunsInLiteRt_MatchesOnnxRuntime(string name)
    {
        using var temp = new TempDirectory();
        var (build, expect) = Graphs[name];
        var model = build().Model;
        var result = TfLiteWriter.Write(model, temp.File(name + ".tflite"));
        var diffs = TfLiteRuntimeCheck.Compare(model, result, TfLiteRuntimeCheck.SeededInputs(result));
        foreach (var d in diffs) output.WriteLine($"{name}: {d.Output} max abs diff {d.MaxAbsDiff:G3} over {d.Elements} ({string.Join(" ", result.Operators)})");
        Assert.All(expect, op => Assert.Contains(op, result.Operators));
        Assert.All(Folded.GetValueOrDefault(name, []), op => Assert.DoesNotContain(op, result.Operators));
        Assert.All(diffs, d => Assert.True(d.MaxAbsDiff <= 1e-4, $"{d.Output}: max abs diff {d.MaxAbsDiff}"));
    }
}
