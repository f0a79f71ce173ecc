using ModelBuild.Core.Graph;
using Kv = System.Collections.Generic.KeyValuePair<string, string>;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>ONNX AveragePool (X; kernel_shape, strides, pads, ceil_mode, count_include_pad, auto_pad) → AvgPool/opset1 (exclude-pad = !count_include_pad).</summary>
internal static class AveragePool
{
    public static void Convert(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        var output = node.Outputs[0];
        var x = b.Value(node.Inputs[0]);
        int n = x.Dims.Length - 2;
        var (strides, dilations, begin, end, autoPad) = OpenVinoOpHelpers.Window(b, node, n);
        if (dilations.Any(d => d != 1)) throw OpenVinoThrowHelper.UnsupportedFeature(b.Path, node, "dilations other than 1");
        Kv[] data = [new("strides", OpenVinoOpHelpers.List(strides)), new("pads_begin", OpenVinoOpHelpers.List(begin)),
            new("pads_end", OpenVinoOpHelpers.List(end)), new("kernel", OpenVinoOpHelpers.List(node.Attribute("kernel_shape")!.Ints)),
            new("exclude-pad", OpenVinoOpHelpers.Bool(node.Attribute("count_include_pad")?.Int != 1)),
            new("rounding_type", node.Attribute("ceil_mode")?.Int == 1 ? "ceil" : "floor"), new("auto_pad", autoPad)];
        b.Bind(output, b.Op("AvgPool", "opset1", node.Name, data, [x], b.TypeOf(output), b.DimsOf(output)));
    }
}
