using System.Runtime.InteropServices;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Passes;

/// <summary>
/// Inference-mode <c>BatchNormalization</c> with constant parameters → <c>Mul</c> by
/// <c>s = scale / sqrt(var + epsilon)</c> and <c>Add</c> of <c>t = B − mean·s</c>, both shaped <c>[C, 1, …]</c> to
/// broadcast over the channel axis 1. torch.onnx fuses a BatchNorm that follows a Conv into it, but leaves the
/// others (BatchNorm1d after Linear, a BatchNorm before its Conv); this gives every graph-lowering target
/// (TFLite, OpenVINO, Core ML) the op through the Mul/Add they already have. s and t are computed in double and
/// stored as float32 (a few ulps from ONNX Runtime's own kernel); the targets are still compared with the ONNX
/// artifact, which keeps the BatchNormalization node.
/// </summary>
public static class BatchNormalizationDecomposition
{
    /// <summary>Rewrites every eligible node in place; returns how many were rewritten.</summary>
    public static int Run(Model model)
    {
        var graph = model.Graph;
        var constants = graph.Initializers.ToDictionary(i => i.Name, i => i.Data, StringComparer.Ordinal);
        var shapes = ShapeInference.Infer(model);
        var names = graph.Nodes.SelectMany(n => n.Outputs).Concat(graph.Initializers.Select(i => i.Name)).Concat(graph.Inputs.Select(i => i.Name))
            .ToHashSet(StringComparer.Ordinal);
        string Unique(string hint)
        {
            var name = hint;
            for (int k = 1; !names.Add(name); k++) name = $"{hint}_{k}";
            return name;
        }
        int rewritten = 0;
        for (int n = 0; n < graph.Nodes.Count; n++)
        {
            var node = graph.Nodes[n];
            if (node.OpType != "BatchNormalization" || node.Domain.Length != 0 || node.Inputs.Count < 5) continue;
            if (node.Outputs.Skip(1).Any(o => o.Length > 0) || node.Attribute("training_mode")?.Int == 1) continue;
            var parameters = node.Inputs.Skip(1).Take(4).Select(i => constants.TryGetValue(i, out var t) ? t : null).ToArray();
            if (parameters.Any(p => p is null || !DataTypes.IsFloatingPoint(p.DataType) || p.Shape.Count != 1)) continue;
            if (!shapes.TryGetValue(node.Inputs[0], out var x) || x.Shape is null || x.Shape.Rank < 2 || x.ElementType != DataType.Float32) continue;
            var scale = ShapeInference.ReadFloats(parameters[0]!);
            var bias = ShapeInference.ReadFloats(parameters[1]!);
            var mean = ShapeInference.ReadFloats(parameters[2]!);
            var variance = ShapeInference.ReadFloats(parameters[3]!);
            int c = scale.Length;
            if (bias.Length != c || mean.Length != c || variance.Length != c) continue;
            double epsilon = node.Attribute("epsilon")?.Float ?? 1e-5f;
            var s = new float[c];
            var t = new float[c];
            for (int i = 0; i < c; i++)
            {
                double si = scale[i] / Math.Sqrt((double)variance[i] + epsilon);
                s[i] = (float)si;
                t[i] = (float)(bias[i] - mean[i] * si);
            }
            var shape = new long[x.Shape.Rank - 1];
            shape[0] = c;
            for (int i = 1; i < shape.Length; i++) shape[i] = 1;
            var prefix = node.Name.Length > 0 ? node.Name : node.Outputs[0];
            var sName = Unique(prefix + "/scale");
            var tName = Unique(prefix + "/shift");
            var scaled = Unique(prefix + "/scaled");
            graph.Initializers.Add(new Initializer(sName, Floats(s, shape)));
            graph.Initializers.Add(new Initializer(tName, Floats(t, shape)));
            graph.Nodes[n] = new Node("Mul", [node.Inputs[0], sName], [scaled], prefix + "/mul");
            graph.Nodes.Insert(n + 1, new Node("Add", [scaled, tName], [node.Outputs[0]], prefix + "/add"));
            n++;
            rewritten++;
        }
        return rewritten;
    }

    private static TensorData Floats(float[] values, long[] shape) =>
        TensorData.FromBytes(MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), DataType.Float32, shape);
}
