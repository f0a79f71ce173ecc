using ModelBuild.Core.Graph;
using Kv = System.Collections.Generic.KeyValuePair<string, string>;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>ONNX Gemm (A, B, C?; alpha, beta, transA, transB) → MatMul/opset1 (transposes) [+ Multiply α] [+ Add β·C], numpy broadcast.</summary>
internal static class Gemm
{
    public static void Convert(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        var output = node.Outputs[0];
        var dims = b.DimsOf(output);
        var type = b.TypeOf(output);
        bool ta = node.Attribute("transA")?.Int == 1, tb = node.Attribute("transB")?.Int == 1;
        float alpha = node.Attribute("alpha")?.Float ?? 1f, beta = node.Attribute("beta")?.Float ?? 1f;
        var result = b.Op("MatMul", "opset1", node.Name, [new("transpose_a", OpenVinoOpHelpers.Bool(ta)), new("transpose_b", OpenVinoOpHelpers.Bool(tb))],
            [b.Value(node.Inputs[0]), b.Value(node.Inputs[1])], type, dims);
        if (alpha != 1f)
            result = b.Op("Multiply", "opset1", node.Name + "/alpha", [new("auto_broadcast", "numpy")], [result, b.ConstScalar(node.Name + "/alpha_value", alpha)], type, dims);
        if (node.Inputs.Count > 2 && node.Inputs[2].Length > 0 && beta != 0f)
        {
            var c = b.Value(node.Inputs[2]);
            if (beta != 1f)
                c = b.Op("Multiply", "opset1", node.Name + "/beta", [new("auto_broadcast", "numpy")], [c, b.ConstScalar(node.Name + "/beta_value", beta)], c.Type, c.Dims);
            result = b.Op("Add", "opset1", node.Name + "/bias", [new("auto_broadcast", "numpy")], [result, c], type, dims);
        }
        b.Bind(output, result);
    }
}
