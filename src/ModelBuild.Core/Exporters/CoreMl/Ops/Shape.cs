using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.CoreMl.Ops;

/// <summary>
/// ONNX Flatten and Reshape → MIL reshape(x, shape) to the inferred result shape (at most one dynamic size, as -1);
/// Concat → concat(values, axis, interleave = false); Transpose → transpose(x, perm); Constant and Identity bind
/// their output to the value (a Constant becomes a const op when first used).
/// </summary>
internal static class Shape
{
    public static void Convert(CoreMlProgramBuilder b, Node node)
    {
        var output = node.Outputs[0];
        switch (node.OpType)
        {
            case "Flatten" or "Reshape":
                b.OpFor(output, "reshape", [("x", [b.Value(node.Inputs[0])]), ("shape", [b.ConstInts(node.Name + "_shape", CoreMlOpHelpers.ReshapeTarget(b, node, b.DimsOf(output)))])]);
                break;
            case "Concat":
            {
                var inputs = node.Inputs.Where(i => i.Length > 0).ToArray();
                long axis = CoreMlOpHelpers.Axis(node.Attribute("axis")!.Int, b.DimsOf(inputs[0]).Length);
                b.OpFor(output, "concat", [("values", inputs.Select(b.Value).ToArray()), ("axis", [b.ConstInt(node.Name + "_axis", axis)]),
                    ("interleave", [b.ConstBool(node.Name + "_interleave", false)])]);
                break;
            }
            case "Transpose":
            {
                int rank = b.DimsOf(node.Inputs[0]).Length;
                var perm = node.Attribute("perm")?.Ints.ToArray() ?? Enumerable.Range(0, rank).Reverse().Select(i => (long)i).ToArray();
                b.OpFor(output, "transpose", [("x", [b.Value(node.Inputs[0])]), ("perm", [b.ConstInts(node.Name + "_perm", perm)])]);
                break;
            }
            case "Identity":
                b.Bind(output, b.Value(node.Inputs[0]), b.DimsOf(node.Inputs[0]), Tensors.DataType.Float32);
                break;
            case "Constant":
                break;
            default:
                throw CoreMlThrowHelper.UnsupportedOperator(b.Path, node);
        }
    }
}
