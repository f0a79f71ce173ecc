using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// Local rewrites done before lowering, on a copy of the node list (the caller's model is never changed):
/// <list type="bullet">
/// <item>the exact-GELU subgraphs, torch.onnx's <c>Mul(Mul(x, Add(Erf(Div(x, √2)), 1)), 0.5)</c> below opset 20
/// and the TorchScript importer's <c>Mul(Mul(x, 0.5), Add(Erf(Mul(x, 1/√2)), 1))</c>, become one GELU (TFLite has
/// no Erf);</item>
/// <item><c>Add(MatMul(a, W), b)</c> with constant W and a 1-D constant b becomes one MatMul with a bias input,
/// lowered to FULLY_CONNECTED;</item>
/// <item>a Relu (or Clip(0, 6)) that is the only consumer of a Conv, Gemm, MatMul, Add or BatchNormalization becomes that operator's
/// fused activation.</item>
/// </list>
/// Fused nodes carry attributes in <see cref="Domain"/>; a value that is a graph output or has other consumers
/// is never fused away.
/// </summary>
internal static class TfLiteFusions
{
    public const string Domain = "com.modelbuild.tflite";
    public const string ActivationAttribute = "_tflite_activation";

    public static List<Node> Apply(TfLiteLowering lowering, IReadOnlyList<Node> original)
    {
        var nodes = original.ToList();
        var producers = new Dictionary<string, Node>(StringComparer.Ordinal);
        var consumers = new Dictionary<string, List<Node>>(StringComparer.Ordinal);
        foreach (var n in nodes)
        {
            foreach (var o in n.Outputs) if (o.Length > 0) producers[o] = n;
            foreach (var i in n.Inputs.Where(i => i.Length > 0).Distinct())
            {
                if (!consumers.TryGetValue(i, out var list)) consumers[i] = list = [];
                list.Add(n);
            }
        }
        Node? Only(string value) =>
            !lowering.IsGraphOutput(value) && consumers.TryGetValue(value, out var c) && c.Count == 1 && lowering.UseCount(value) == 1 ? c[0] : null;
        string? Other(Node n, string value) => n.Inputs.Count == 2 ? (n.Inputs[0] == value ? n.Inputs[1] : n.Inputs[1] == value ? n.Inputs[0] : null) : null;
        bool IsScalar(string? name, double expected, double tol) =>
            name is not null && lowering.IsConstant(name) && lowering.ConstantData(name).ElementCount == 1 &&
            Math.Abs(ScalarOf(lowering, name) - expected) <= tol;

        var removed = new HashSet<Node>();
        var replaced = new Dictionary<Node, Node>();

        // GELU, both exact forms: torch.onnx's Mul(Mul(x, Add(Erf(Div(x, √2)), 1)), 0.5) and the TorchScript
        // importer's Mul(Mul(x, 0.5), Add(Erf(Mul(x, 1/√2)), 1)). Matched from the Erf, operands in either order.
        foreach (var erf in nodes.Where(n => n.OpType == "Erf" && n.Domain is "" or "ai.onnx" && n.Inputs.Count == 1))
        {
            if (!producers.TryGetValue(erf.Inputs[0], out var scale) || Only(scale.Outputs[0]) != erf || scale.Inputs.Count != 2) continue;
            string? x = scale.OpType switch
            {
                "Div" when IsScalar(scale.Inputs[1], Math.Sqrt(2), 1e-3) => scale.Inputs[0],
                "Mul" when IsScalar(scale.Inputs[1], Math.Sqrt(0.5), 1e-4) => scale.Inputs[0],
                "Mul" when IsScalar(scale.Inputs[0], Math.Sqrt(0.5), 1e-4) => scale.Inputs[1],
                _ => null,
            };
            if (x is null) continue;
            var add = Only(erf.Outputs[0]);
            if (add?.OpType != "Add" || !IsScalar(Other(add, erf.Outputs[0]), 1, 1e-6)) continue;
            var mul = Only(add.Outputs[0]);
            if (mul?.OpType != "Mul") continue;
            var y = Other(mul, add.Outputs[0]);
            Node last;
            Node partner;
            if (y == x)
            {
                var half = Only(mul.Outputs[0]);
                if (half?.OpType != "Mul" || !IsScalar(Other(half, mul.Outputs[0]), 0.5, 1e-6)) continue;
                (last, partner) = (half, half);
            }
            else if (y is not null && producers.TryGetValue(y, out var halfX) && halfX.OpType == "Mul" && Only(y) == mul
                && Other(halfX, x) is { } h && h != x && IsScalar(h, 0.5, 1e-6))
            {
                (last, partner) = (mul, halfX);
            }
            else
            {
                continue;
            }
            var gelu = new Node("Gelu", [x], [last.Outputs[0]], scale.Name + "/gelu", Domain);
            replaced[scale] = gelu;
            removed.UnionWith([erf, add, mul, partner]);
        }

        // MatMul + bias → MatMul with a third input.
        foreach (var matmul in nodes.Where(n => n.OpType == "MatMul" && !removed.Contains(n) && !replaced.ContainsKey(n)))
        {
            if (matmul.Inputs.Count != 2 || !lowering.IsConstant(matmul.Inputs[1]) || lowering.ConstantData(matmul.Inputs[1]).Shape.Count != 2) continue;
            var add = Only(matmul.Outputs[0]);
            if (add?.OpType != "Add" || removed.Contains(add)) continue;
            var bias = Other(add, matmul.Outputs[0]);
            long n = lowering.ConstantData(matmul.Inputs[1]).Shape[1];
            if (bias is null || !lowering.IsConstant(bias) || lowering.ConstantData(bias).Shape.Count != 1 || lowering.ConstantData(bias).Shape[0] != n) continue;
            var fused = Copy(matmul, [matmul.Inputs[0], matmul.Inputs[1], bias], [add.Outputs[0]]);
            replaced[matmul] = fused;
            removed.Add(add);
        }

        // Activations.
        var result = new List<Node>(nodes.Count);
        foreach (var node in nodes)
        {
            if (removed.Contains(node)) continue;
            result.Add(replaced.TryGetValue(node, out var r) ? r : node);
        }
        for (int i = 0; i < result.Count; i++)
        {
            var node = result[i];
            if (node.OpType is not ("Conv" or "Gemm" or "MatMul" or "Add" or "BatchNormalization") || node.Outputs.Count != 1 || node.Attribute(ActivationAttribute) is not null) continue;
            if (node.OpType == "MatMul" && node.Inputs.Count != 3) continue;
            var next = Only(node.Outputs[0]);
            if (next is null || !result.Contains(next)) continue;
            long activation = next.OpType == "Relu" ? (long)TfLiteActivation.Relu : IsRelu6(lowering, next) ? (long)TfLiteActivation.Relu6 : 0;
            if (activation == 0) continue;
            var fused = Copy(node, node.Inputs, [next.Outputs[0]]);
            fused.Attributes.Add(NodeAttribute.Of(ActivationAttribute, activation));
            result[i] = fused;
            result.Remove(next);
        }
        return result;
    }

    public static TfLiteActivation ActivationOf(Node node) => (TfLiteActivation)(node.Attribute(ActivationAttribute)?.Int ?? 0);

    private static bool IsRelu6(TfLiteLowering lowering, Node node)
    {
        if (node.OpType != "Clip") return false;
        var (min, max) = Ops.Activations.ClipBounds(lowering, node);
        return min == 0f && max == 6f;
    }

    private static Node Copy(Node node, IEnumerable<string> inputs, IEnumerable<string> outputs)
    {
        var copy = new Node(node.OpType, inputs, outputs, node.Name, node.Domain);
        copy.Attributes.AddRange(node.Attributes);
        return copy;
    }

    private static double ScalarOf(TfLiteLowering lowering, string name)
    {
        var data = lowering.ConstantData(name);
        var bytes = data.ReadAllBytes();
        return data.DataType switch
        {
            Tensors.DataType.Float32 => BitConverter.ToSingle(bytes),
            Tensors.DataType.Float64 => BitConverter.ToDouble(bytes),
            _ => double.NaN,
        };
    }
}
