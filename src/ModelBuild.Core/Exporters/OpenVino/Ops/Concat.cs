using ModelBuild.Core.Graph;
using Kv = System.Collections.Generic.KeyValuePair<string, string>;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>ONNX Concat (inputs...; axis) → Concat/opset1 with a non-negative axis.</summary>
internal static class Concat
{
    public static void Convert(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        var output = node.Outputs[0];
        var inputs = node.Inputs.Where(i => i.Length > 0).Select(b.Value).ToArray();
        long axis = OpenVinoOpHelpers.NormalizeAxis(node.Attribute("axis")!.Int, inputs[0].Dims.Length);
        b.Bind(output, b.Op("Concat", "opset1", node.Name, [new("axis", axis.ToString(System.Globalization.CultureInfo.InvariantCulture))], inputs, b.TypeOf(output), b.DimsOf(output)));
    }
}
