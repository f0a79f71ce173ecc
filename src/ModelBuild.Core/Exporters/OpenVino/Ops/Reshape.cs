using ModelBuild.Core.Graph;
using Kv = System.Collections.Generic.KeyValuePair<string, string>;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>ONNX Reshape (data, shape; allowzero) → Reshape/opset1 with special_zero = !allowzero (0 copies the input dim).</summary>
internal static class Reshape
{
    public static void Convert(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        var output = node.Outputs[0];
        bool allowZero = node.Attribute("allowzero")?.Int == 1;
        b.Bind(output, b.Op("Reshape", "opset1", node.Name, [new("special_zero", OpenVinoOpHelpers.Bool(!allowZero))],
            [b.Value(node.Inputs[0]), b.Value(node.Inputs[1])], b.TypeOf(output), b.DimsOf(output)));
    }
}
