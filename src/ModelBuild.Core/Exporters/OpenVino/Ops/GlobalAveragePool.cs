using ModelBuild.Core.Graph;
using Kv = System.Collections.Generic.KeyValuePair<string, string>;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>ONNX GlobalAveragePool (X) → ReduceMean/opset1 over the spatial axes with keep_dims = true.</summary>
internal static class GlobalAveragePool
{
    public static void Convert(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        var output = node.Outputs[0];
        var x = b.Value(node.Inputs[0]);
        var axes = b.ConstInt64(node.Name + "/axes", Enumerable.Range(2, x.Dims.Length - 2).Select(i => (long)i).ToArray());
        b.Bind(output, b.Op("ReduceMean", "opset1", node.Name, [new("keep_dims", "true")], [x, axes], b.TypeOf(output), b.DimsOf(output)));
    }
}
