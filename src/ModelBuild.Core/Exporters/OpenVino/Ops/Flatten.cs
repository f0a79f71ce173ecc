using ModelBuild.Core.Graph;
using Kv = System.Collections.Generic.KeyValuePair<string, string>;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>ONNX Flatten (input; axis) → Reshape/opset1 (special_zero = true) to [0, -1] (axis 1), [1, -1] (axis 0) or [∏ dims before axis, -1].</summary>
internal static class Flatten
{
    public static void Convert(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        var output = node.Outputs[0];
        var x = b.Value(node.Inputs[0]);
        long axis = OpenVinoOpHelpers.NormalizeAxis(node.Attribute("axis")?.Int ?? 1, x.Dims.Length);
        long[] shape;
        if (axis == 0) shape = [1, -1];
        else if (axis == 1) shape = [0, -1];
        else if (x.Dims[..(int)axis].All(d => d >= 0)) shape = [x.Dims[..(int)axis].Aggregate(1L, (p, d) => p * d), -1];
        else throw OpenVinoThrowHelper.UnsupportedFeature(b.Path, node, $"axis {axis} over dynamic leading dims");
        var target = b.ConstInt64(node.Name + "/shape", shape);
        b.Bind(output, b.Op("Reshape", "opset1", node.Name, [new("special_zero", "true")], [x, target], b.TypeOf(output), b.DimsOf(output)));
    }
}
