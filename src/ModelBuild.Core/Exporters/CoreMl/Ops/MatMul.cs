using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.CoreMl.Ops;

/// <summary>ONNX MatMul (A, B) → MIL matmul(x, y, transpose_x = false, transpose_y = false).</summary>
internal static class MatMul
{
    public static void Convert(CoreMlProgramBuilder b, Node node) =>
        b.OpFor(node.Outputs[0], "matmul", [("x", [b.Value(node.Inputs[0])]), ("y", [b.Value(node.Inputs[1])]),
            ("transpose_x", [b.ConstBool(node.Name + "_tx", false)]), ("transpose_y", [b.ConstBool(node.Name + "_ty", false)])]);
}
