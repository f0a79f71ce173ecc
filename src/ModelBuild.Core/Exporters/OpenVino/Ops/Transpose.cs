using ModelBuild.Core.Graph;
using Kv = System.Collections.Generic.KeyValuePair<string, string>;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>ONNX Transpose (data; perm, default reversed) → Transpose/opset1 with perm as an i64 Const input.</summary>
internal static class Transpose
{
    public static void Convert(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        var output = node.Outputs[0];
        var x = b.Value(node.Inputs[0]);
        var perm = node.Attribute("perm")?.Ints.ToArray() ?? Enumerable.Range(0, x.Dims.Length).Reverse().Select(i => (long)i).ToArray();
        b.Bind(output, b.Op("Transpose", "opset1", node.Name, [], [x, b.ConstInt64(node.Name + "/perm", perm)], b.TypeOf(output), b.DimsOf(output)));
    }
}
