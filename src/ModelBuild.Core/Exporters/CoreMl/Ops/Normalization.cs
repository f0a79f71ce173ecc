using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.CoreMl.Ops;

/// <summary>
/// ONNX Softmax (axis) → MIL softmax(x, axis); ReduceMean (axes, keepdims) → reduce_mean(x, axes, keep_dims);
/// LayerNormalization (X, Scale, B?; axis, epsilon) → layer_norm(x, axes [axis, rank), gamma, beta, epsilon).
/// </summary>
internal static class Normalization
{
    public static void Convert(CoreMlProgramBuilder b, Node node)
    {
        var output = node.Outputs[0];
        var x = b.Value(node.Inputs[0]);
        int rank = b.DimsOf(node.Inputs[0]).Length;
        switch (node.OpType)
        {
            case "Softmax":
            {
                long axis = CoreMlOpHelpers.Axis(node.Attribute("axis")?.Int ?? (b.Opset >= 13 ? -1 : 1), rank);
                if (b.Opset < 13 && axis != rank - 1) throw CoreMlThrowHelper.UnsupportedFeature(b.Path, node, $"opset {b.Opset} softmax over an axis that is not the last");
                b.OpFor(output, "softmax", [("x", [x]), ("axis", [b.ConstInt(node.Name + "_axis", axis)])]);
                break;
            }
            case "ReduceMean":
            {
                var axes = ShapeInference.ReduceAxes(node, rank, b.Constants, b.Opset) ?? throw CoreMlThrowHelper.UnsupportedFeature(b.Path, node, "axes must be a constant");
                b.OpFor(output, "reduce_mean", [("x", [x]), ("axes", [b.ConstInts(node.Name + "_axes", axes.Select(a => (long)a))]),
                    ("keep_dims", [b.ConstBool(node.Name + "_keep_dims", (node.Attribute("keepdims")?.Int ?? 1) == 1)])]);
                break;
            }
            case "LayerNormalization":
            {
                if (node.Outputs.Skip(1).Any(o => o.Length > 0)) throw CoreMlThrowHelper.UnsupportedFeature(b.Path, node, "the Mean / InvStdDev outputs");
                long axis = CoreMlOpHelpers.Axis(node.Attribute("axis")?.Int ?? -1, rank);
                var args = new List<(string, string[])> { ("x", [x]), ("axes", [b.ConstInts(node.Name + "_axes", Enumerable.Range((int)axis, rank - (int)axis).Select(i => (long)i))]),
                    ("gamma", [b.Value(node.Inputs[1])]) };
                if (node.Inputs.Count > 2 && node.Inputs[2].Length > 0) args.Add(("beta", [b.Value(node.Inputs[2])]));
                args.Add(("epsilon", [b.ConstFloat(node.Name + "_epsilon", node.Attribute("epsilon")?.Float ?? 1e-5f)]));
                b.OpFor(output, "layer_norm", args);
                break;
            }
            default: throw CoreMlThrowHelper.UnsupportedOperator(b.Path, node);
        }
    }
}
