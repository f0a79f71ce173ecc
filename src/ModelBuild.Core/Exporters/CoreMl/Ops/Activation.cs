using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.CoreMl.Ops;

/// <summary>
/// ONNX Relu, Sigmoid, Tanh, Erf → MIL relu, sigmoid, tanh, erf; HardSwish → mul(x, sigmoid_hard(x, 1/6, 0.5));
/// Clip (constant min/max) → clip(x, alpha, beta); Gelu (approximate none | tanh) → gelu(mode EXACT | TANH_APPROXIMATION).
/// </summary>
internal static class Activation
{
    public static void Convert(CoreMlProgramBuilder b, Node node)
    {
        var x = b.Value(node.Inputs[0]);
        var output = node.Outputs[0];
        switch (node.OpType)
        {
            case "Relu": b.OpFor(output, "relu", [("x", [x])]); break;
            case "Sigmoid": b.OpFor(output, "sigmoid", [("x", [x])]); break;
            case "Tanh": b.OpFor(output, "tanh", [("x", [x])]); break;
            case "Erf": b.OpFor(output, "erf", [("x", [x])]); break;
            case "HardSwish":
            {
                var gate = b.Op("sigmoid_hard", node.Name + "_gate", [("x", [x]), ("alpha", [b.ConstFloat(node.Name + "_alpha", 1f / 6f)]), ("beta", [b.ConstFloat(node.Name + "_beta", 0.5f)])], b.DimsOf(output));
                b.OpFor(output, "mul", [("x", [x]), ("y", [gate])]);
                break;
            }
            case "Clip":
            {
                float lo = Bound(b, node, 1, "min") ?? float.MinValue, hi = Bound(b, node, 2, "max") ?? float.MaxValue;
                b.OpFor(output, "clip", [("x", [x]), ("alpha", [b.ConstFloat(node.Name + "_alpha", lo)]), ("beta", [b.ConstFloat(node.Name + "_beta", hi)])]);
                break;
            }
            case "Gelu":
            {
                var mode = (node.Attribute("approximate")?.StringValue ?? "none") == "tanh" ? "TANH_APPROXIMATION" : "EXACT";
                b.OpFor(output, "gelu", [("x", [x]), ("mode", [b.ConstString(node.Name + "_mode", mode)])]);
                break;
            }
            default: throw CoreMlThrowHelper.UnsupportedOperator(b.Path, node);
        }
    }

    private static float? Bound(CoreMlProgramBuilder b, Node node, int input, string attribute)
    {
        if (node.Attribute(attribute) is { } a) return a.Float;
        if (node.Inputs.Count <= input || node.Inputs[input].Length == 0) return null;
        if (!b.Constants.TryGetValue(node.Inputs[input], out var data))
            throw CoreMlThrowHelper.UnsupportedFeature(b.Path, node, $"input {input} must be a constant");
        return ShapeInference.ReadFloats(data)[0];
    }
}
