using ModelBuild.Core.Graph;
using Kv = System.Collections.Generic.KeyValuePair<string, string>;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>
/// ONNX MaxPool (X; kernel_shape, strides, pads, dilations, ceil_mode, auto_pad) → MaxPool/opset8, whose second
/// output (i64 indices) is left unconnected; ONNX's Indices output is refused because the index layouts differ.
/// </summary>
internal static class MaxPool
{
    public static void Convert(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        var output = OpenVinoOpHelpers.SingleOutput(b, node, used);
        var x = b.Value(node.Inputs[0]);
        int n = x.Dims.Length - 2;
        var (strides, dilations, begin, end, autoPad) = OpenVinoOpHelpers.Window(b, node, n);
        var dims = b.DimsOf(output);
        Kv[] data = [new("strides", OpenVinoOpHelpers.List(strides)), new("dilations", OpenVinoOpHelpers.List(dilations)),
            new("pads_begin", OpenVinoOpHelpers.List(begin)), new("pads_end", OpenVinoOpHelpers.List(end)),
            new("kernel", OpenVinoOpHelpers.List(node.Attribute("kernel_shape")!.Ints)),
            new("rounding_type", node.Attribute("ceil_mode")?.Int == 1 ? "ceil" : "floor"), new("auto_pad", autoPad),
            new("index_element_type", "i64"), new("axis", "0")];
        b.Bind(output, b.Op("MaxPool", "opset8", node.Name, data, [x], b.TypeOf(output), dims, (Tensors.DataType.Int64, dims)));
    }
}
