using ModelBuild.Core.Graph;
using Kv = System.Collections.Generic.KeyValuePair<string, string>;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>
/// ONNX LayerNormalization (X, Scale, B?; axis, epsilon; opset 17) → MVN/opset6 over axes [axis, rank) with
/// eps_mode inside_sqrt and normalize_variance, then Multiply by Scale and Add B. Mean and InvStdDev are refused.
/// </summary>
internal static class LayerNormalization
{
    public static void Convert(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        var output = OpenVinoOpHelpers.SingleOutput(b, node, used);
        var x = b.Value(node.Inputs[0]);
        int rank = x.Dims.Length;
        long axis = OpenVinoOpHelpers.NormalizeAxis(node.Attribute("axis")?.Int ?? -1, rank);
        float eps = node.Attribute("epsilon")?.Float ?? 1e-5f;
        var type = b.TypeOf(output);
        var dims = b.DimsOf(output);
        var axes = b.ConstInt64(node.Name + "/axes", Enumerable.Range((int)axis, rank - (int)axis).Select(i => (long)i).ToArray());
        var result = b.Op("MVN", "opset6", node.Name + "/mvn", [new("eps", OpenVinoOpHelpers.Float(eps)), new("normalize_variance", "true"), new("eps_mode", "inside_sqrt")],
            [x, axes], type, dims);
        result = b.Op("Multiply", "opset1", node.Name + "/scale", [new("auto_broadcast", "numpy")], [result, b.Value(node.Inputs[1])], type, dims);
        if (node.Inputs.Count > 2 && node.Inputs[2].Length > 0)
            result = b.Op("Add", "opset1", node.Name, [new("auto_broadcast", "numpy")], [result, b.Value(node.Inputs[2])], type, dims);
        b.Bind(output, result);
    }
}
