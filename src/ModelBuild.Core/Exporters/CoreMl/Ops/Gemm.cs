using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.CoreMl.Ops;

/// <summary>
/// ONNX Gemm (A, B, C?; alpha, beta, transA, transB) → MIL linear(x, weight[out,in], bias) when B is a constant
/// [out,in] (transB = 1) and α = β = 1, else matmul(transpose_x, transpose_y) [× α] [+ β·C].
/// </summary>
internal static class Gemm
{
    public static void Convert(CoreMlProgramBuilder b, Node node)
    {
        bool ta = node.Attribute("transA")?.Int == 1, tb = node.Attribute("transB")?.Int == 1;
        float alpha = node.Attribute("alpha")?.Float ?? 1f, beta = node.Attribute("beta")?.Float ?? 1f;
        bool hasC = node.Inputs.Count > 2 && node.Inputs[2].Length > 0;
        var output = node.Outputs[0];
        if (!ta && tb && alpha == 1f && beta == 1f && b.Constants.ContainsKey(node.Inputs[1]) && (!hasC || b.Constants.ContainsKey(node.Inputs[2])))
        {
            var args = new List<(string, string[])> { ("x", [b.Value(node.Inputs[0])]), ("weight", [b.Value(node.Inputs[1])]) };
            if (hasC) args.Add(("bias", [b.Value(node.Inputs[2])]));
            b.OpFor(output, "linear", args);
            return;
        }
        var dims = b.DimsOf(output);
        var result = b.Op("matmul", node.Name + "_matmul", [("x", [b.Value(node.Inputs[0])]), ("y", [b.Value(node.Inputs[1])]),
            ("transpose_x", [b.ConstBool(node.Name + "_ta", ta)]), ("transpose_y", [b.ConstBool(node.Name + "_tb", tb)])], dims);
        if (alpha != 1f) result = b.Op("mul", node.Name + "_alpha", [("x", [result]), ("y", [b.ConstFloat(node.Name + "_alpha_value", alpha)])], dims);
        if (hasC && beta != 0f)
        {
            var c = b.Value(node.Inputs[2]);
            if (beta != 1f) c = b.Op("mul", node.Name + "_beta", [("x", [c]), ("y", [b.ConstFloat(node.Name + "_beta_value", beta)])], b.DimsOf(node.Inputs[2]));
            result = b.Op("add", node.Name + "_bias", [("x", [result]), ("y", [c])], dims);
        }
        b.Bind(output, result, dims, Tensors.DataType.Float32);
    }
}
