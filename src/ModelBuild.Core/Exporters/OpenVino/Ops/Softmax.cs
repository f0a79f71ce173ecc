using ModelBuild.Core.Graph;
using Kv = System.Collections.Generic.KeyValuePair<string, string>;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>
/// ONNX Softmax (input; axis, default -1 from opset 13) → SoftMax/opset8. Before opset 13 ONNX flattened to 2-D at
/// the axis; that equals a one-axis softmax only when the axis is the last, and other axes are refused.
/// </summary>
internal static class Softmax
{
    public static void Convert(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        var output = node.Outputs[0];
        var x = b.Value(node.Inputs[0]);
        long axis = OpenVinoOpHelpers.NormalizeAxis(node.Attribute("axis")?.Int ?? (b.Opset >= 13 ? -1 : 1), x.Dims.Length);
        if (b.Opset < 13 && axis != x.Dims.Length - 1)
            throw OpenVinoThrowHelper.UnsupportedFeature(b.Path, node, $"opset {b.Opset} softmax over axis {axis} that is not the last");
        b.Bind(output, b.Op("SoftMax", "opset8", node.Name, [new("axis", axis.ToString(System.Globalization.CultureInfo.InvariantCulture))], [x], b.TypeOf(output), b.DimsOf(output)));
    }
}
