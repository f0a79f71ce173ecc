using ModelBuild.Core.Graph;
using Kv = System.Collections.Generic.KeyValuePair<string, string>;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>ONNX ReduceMean (data, axes? from opset 18, attribute before; keepdims) → ReduceMean/opset1 with an i64 axes Const.</summary>
internal static class ReduceMean
{
    public static void Convert(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        var output = node.Outputs[0];
        var x = b.Value(node.Inputs[0]);
        var axes = ShapeInference.ReduceAxes(node, x.Dims.Length, b.Constants, b.Opset)
            ?? throw OpenVinoThrowHelper.UnsupportedFeature(b.Path, node, "axes must be a constant");
        if (node.Attribute("noop_with_empty_axes")?.Int == 1) throw OpenVinoThrowHelper.UnsupportedFeature(b.Path, node, "noop_with_empty_axes = 1");
        bool keep = (node.Attribute("keepdims")?.Int ?? 1) == 1;
        b.Bind(output, b.Op("ReduceMean", "opset1", node.Name, [new("keep_dims", OpenVinoOpHelpers.Bool(keep))],
            [x, b.ConstInt64(node.Name + "/axes", axes.Select(a => (long)a).ToArray())], b.TypeOf(output), b.DimsOf(output)));
    }
}
