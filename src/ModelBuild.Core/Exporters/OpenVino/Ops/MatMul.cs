using ModelBuild.Core.Graph;
using Kv = System.Collections.Generic.KeyValuePair<string, string>;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>ONNX MatMul (A, B), numpy-style batched → MatMul/opset1 with transpose_a = transpose_b = false.</summary>
internal static class MatMul
{
    public static void Convert(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        var output = node.Outputs[0];
        var result = b.Op("MatMul", "opset1", node.Name, [new("transpose_a", "false"), new("transpose_b", "false")],
            [b.Value(node.Inputs[0]), b.Value(node.Inputs[1])], b.TypeOf(output), b.DimsOf(output));
        b.Bind(output, result);
    }
}
