using ModelBuild.Core.Graph;
using Kv = System.Collections.Generic.KeyValuePair<string, string>;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>
/// One-input activations with no attributes: ONNX Relu, Sigmoid, Tanh, Erf (opset 6+/13) → ReLU, Sigmoid, Tanh,
/// Erf (opset1); ONNX HardSwish (opset 14) → HSwish/opset4.
/// </summary>
internal static class Activation
{
    public static void Convert(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        var (type, version) = node.OpType switch
        {
            "Relu" => ("ReLU", "opset1"),
            "Sigmoid" => ("Sigmoid", "opset1"),
            "Tanh" => ("Tanh", "opset1"),
            "Erf" => ("Erf", "opset1"),
            "HardSwish" => ("HSwish", "opset4"),
            _ => throw OpenVinoThrowHelper.UnsupportedOperator(b.Path, node),
        };
        var output = node.Outputs[0];
        b.Bind(output, b.Op(type, version, node.Name, [], [b.Value(node.Inputs[0])], b.TypeOf(output), b.DimsOf(output)));
    }
}
