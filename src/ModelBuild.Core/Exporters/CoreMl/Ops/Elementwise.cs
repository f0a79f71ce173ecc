using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.CoreMl.Ops;

/// <summary>ONNX Add, Sub, Mul, Div (numpy broadcast) → MIL add, sub, mul, real_div.</summary>
internal static class Elementwise
{
    public static void Convert(CoreMlProgramBuilder b, Node node)
    {
        var type = node.OpType switch { "Add" => "add", "Sub" => "sub", "Mul" => "mul", "Div" => "real_div", _ => throw CoreMlThrowHelper.UnsupportedOperator(b.Path, node) };
        b.OpFor(node.Outputs[0], type, [("x", [b.Value(node.Inputs[0])]), ("y", [b.Value(node.Inputs[1])])]);
    }
}
