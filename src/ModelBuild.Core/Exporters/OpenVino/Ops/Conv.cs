using ModelBuild.Core.Graph;
using Kv = System.Collections.Generic.KeyValuePair<string, string>;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>
/// ONNX Conv (X, W, B?; strides, dilations, pads, group, auto_pad) → Convolution/opset1, or GroupConvolution/opset1
/// with W stored as [G, O/G, I/G, k...] when group &gt; 1; the bias becomes an Add of a [1, C, 1, 1] Const.
/// </summary>
internal static class Conv
{
    public static void Convert(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        var x = b.Value(node.Inputs[0]);
        var output = node.Outputs[0];
        var outDims = b.DimsOf(output);
        int n = x.Dims.Length - 2;
        var (strides, dilations, begin, end, autoPad) = OpenVinoOpHelpers.Window(b, node, n);
        Kv[] data = [new("strides", OpenVinoOpHelpers.List(strides)), new("dilations", OpenVinoOpHelpers.List(dilations)),
            new("pads_begin", OpenVinoOpHelpers.List(begin)), new("pads_end", OpenVinoOpHelpers.List(end)), new("auto_pad", autoPad)];
        long group = node.Attribute("group")?.Int ?? 1;
        OpenVinoOutput conv;
        if (group == 1)
        {
            conv = b.Op("Convolution", "opset1", node.Name, data, [x, b.Value(node.Inputs[1])], b.TypeOf(output), outDims);
        }
        else
        {
            if (!b.Constants.TryGetValue(node.Inputs[1], out var w))
                throw OpenVinoThrowHelper.UnsupportedFeature(b.Path, node, "a grouped convolution's weight must be a constant");
            var shape = w.Shape.ToArray();
            long[] grouped = [group, shape[0] / group, .. shape[1..]];
            conv = b.Op("GroupConvolution", "opset1", node.Name, data, [x, b.Const(node.Inputs[1], w.WithShape(grouped))], b.TypeOf(output), outDims);
        }
        if (node.Inputs.Count > 2 && node.Inputs[2].Length > 0)
        {
            if (!b.Constants.TryGetValue(node.Inputs[2], out var bias))
                throw OpenVinoThrowHelper.UnsupportedFeature(b.Path, node, "the bias must be a constant");
            long[] biasShape = [1, bias.Shape[0], .. Enumerable.Repeat(1L, n)];
            var biasConst = b.Const(node.Inputs[2], bias.WithShape(biasShape));
            conv = b.Op("Add", "opset1", node.Name + "/bias", [new("auto_broadcast", "numpy")], [conv, biasConst], b.TypeOf(output), outDims);
        }
        b.Bind(output, conv);
    }
}
