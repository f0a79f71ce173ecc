using ModelBuild.Core.Graph;
using Kv = System.Collections.Generic.KeyValuePair<string, string>;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>ONNX Add, Sub, Mul, Div (A, B; multidirectional broadcast) → Add, Subtract, Multiply, Divide/opset1 with auto_broadcast numpy.</summary>
internal static class Elementwise
{
    public static void Convert(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        var type = node.OpType switch
        {
            "Add" => "Add",
            "Sub" => "Subtract",
            "Mul" => "Multiply",
            "Div" => "Divide",
            _ => throw OpenVinoThrowHelper.UnsupportedOperator(b.Path, node),
        };
        List<Kv> data = [new("auto_broadcast", "numpy")];
        // ONNX Div truncates integers toward zero; Divide's python division would floor them.
        if (type == "Divide") data.Add(new("m_pythondiv", "false"));
        var output = node.Outputs[0];
        b.Bind(output, b.Op(type, "opset1", node.Name, data, [b.Value(node.Inputs[0]), b.Value(node.Inputs[1])], b.TypeOf(output), b.DimsOf(output)));
    }
}
