using System.Runtime.InteropServices;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Passes;

/// <summary>
/// Folds what the deployment writers need as constants, in place: <c>Constant</c> nodes become initializers,
/// <c>Identity</c> of a constant becomes an initializer under the output's name (torch.onnx shares equal weights
/// that way), <c>Shape</c> of a statically shaped value becomes its int64 shape, and small int64 arithmetic on
/// constants (<c>Gather</c>, <c>Add</c>/<c>Sub</c>/<c>Mul</c>/<c>Div</c>, <c>Unsqueeze</c>, <c>Squeeze</c>,
/// <c>Concat</c>, <c>Cast</c> to int64) is evaluated, as torch.onnx's attention shape arithmetic needs. Float
/// computation is never folded, so the numbers of the graph do not change; graph outputs are never folded away.
/// Run on the graph the TFLite, OpenVINO and Core ML writers lower, after the ONNX artifact is written: the
/// targets are then compared with that unfolded ONNX artifact, which also checks the folding.
/// </summary>
public static class ConstantFolding
{
    /// <summary>Integer tensors above this many elements are left alone (shapes and indices are small).</summary>
    public const int MaxFoldedElements = 4096;

    /// <summary>Folds until nothing changes; returns the number of nodes replaced by initializers.</summary>
    public static int Run(Model model)
    {
        var graph = model.Graph;
        var outputs = graph.Outputs.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        long opset = model.OpsetImports.TryGetValue("", out var v) ? v : 17;
        int folded = 0;
        bool changed = true;
        while (changed)
        {
            changed = false;
            var constants = graph.Initializers.ToDictionary(i => i.Name, i => i.Data, StringComparer.Ordinal);
            var shapes = ShapeInference.Infer(model);
            for (int n = 0; n < graph.Nodes.Count; n++)
            {
                var node = graph.Nodes[n];
                if (node.Domain.Length != 0 || node.Outputs.Count != 1 || outputs.Contains(node.Outputs[0])) continue;
                TensorData? value;
                try
                {
                    value = Evaluate(node, constants, shapes, opset);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
                {
                    value = null;
                }
                if (value is null) continue;
                var name = node.Outputs[0];
                graph.Initializers.Add(new Initializer(name, value));
                constants[name] = value;
                graph.Nodes.RemoveAt(n--);
                graph.ValueInfos.RemoveAll(vi => vi.Name == name);
                folded++;
                changed = true;
            }
        }
        // Initializers nothing reads any more (the shape arithmetic's inputs) are dropped.
        var used = graph.Nodes.SelectMany(x => x.Inputs).Concat(outputs).ToHashSet(StringComparer.Ordinal);
        if (folded > 0) graph.Initializers.RemoveAll(i => !used.Contains(i.Name) && !graph.Inputs.Any(x => x.Name == i.Name));
        return folded;
    }

    private static TensorData? Evaluate(Node node, Dictionary<string, TensorData> constants, Dictionary<string, ValueInfo> shapes, long opset)
    {
        TensorData? In(int i) => i < node.Inputs.Count && node.Inputs[i].Length > 0 && constants.TryGetValue(node.Inputs[i], out var t) ? t : null;
        bool AllSmallInts() => node.Inputs.Where(i => i.Length > 0).All(i => constants.TryGetValue(i, out var t) && t.DataType == DataType.Int64 && t.ElementCount <= MaxFoldedElements);
        switch (node.OpType)
        {
            case "Constant":
                return ConstantValue(node);
            case "Identity":
                return In(0);
            case "Shape":
            {
                if (!shapes.TryGetValue(node.Inputs[0], out var info) || info.Shape is not { IsStatic: true } shape) return null;
                var dims = shape.Dims.Select(d => d.Value!.Value).ToArray();
                long rank = dims.Length;
                long start = node.Attribute("start")?.Int ?? 0, end = node.Attribute("end")?.Int ?? rank;
                if (start < 0) start += rank;
                if (end < 0) end += rank;
                start = Math.Clamp(start, 0, rank);
                end = Math.Clamp(end, start, rank);
                return Ints(dims[(int)start..(int)end], [end - start]);
            }
            case "Gather":
            {
                if (!AllSmallInts()) return null;
                var data = In(0)!;
                var indices = In(1)!;
                if (data.Shape.Count != 1 || (node.Attribute("axis")?.Int ?? 0) != 0) return null;
                var values = ShapeInference.ReadInt64s(data);
                var picked = ShapeInference.ReadInt64s(indices).Select(i => values[i < 0 ? i + values.Length : i]).ToArray();
                return Ints(picked, indices.Shape.ToArray());
            }
            case "Add" or "Sub" or "Mul" or "Div":
            {
                if (!AllSmallInts() || node.Inputs.Count != 2) return null;
                var a = In(0)!;
                var b = In(1)!;
                var av = ShapeInference.ReadInt64s(a);
                var bv = ShapeInference.ReadInt64s(b);
                if (av.Length != bv.Length && av.Length != 1 && bv.Length != 1) return null;
                var shape = av.Length >= bv.Length ? a.Shape : b.Shape;
                if (av.Length == bv.Length && a.Shape.Count != b.Shape.Count) shape = a.Shape.Count >= b.Shape.Count ? a.Shape : b.Shape;
                int count = Math.Max(av.Length, bv.Length);
                var result = new long[count];
                for (int i = 0; i < count; i++)
                {
                    long x = av[av.Length == 1 ? 0 : i], y = bv[bv.Length == 1 ? 0 : i];
                    result[i] = node.OpType switch
                    {
                        "Add" => x + y,
                        "Sub" => x - y,
                        "Mul" => x * y,
                        _ => y == 0 ? throw new InvalidOperationException("division by zero") : x / y,
                    };
                }
                return Ints(result, shape.ToArray());
            }
            case "Unsqueeze" or "Squeeze":
            {
                var data = In(0);
                if (data is null || data.DataType != DataType.Int64 || data.ElementCount > MaxFoldedElements) return null;
                long[] axes;
                if (opset >= 13) axes = In(1) is { } ax ? ShapeInference.ReadInt64s(ax) : (node.Inputs.Count > 1 && node.Inputs[1].Length > 0 ? null! : []);
                else axes = node.Attribute("axes")?.Ints.ToArray() ?? [];
                if (axes is null) return null;
                var shape = data.Shape.ToList();
                if (node.OpType == "Unsqueeze")
                {
                    int rank = shape.Count + axes.Length;
                    foreach (var axis in axes.Select(a => a < 0 ? a + rank : a).Order()) shape.Insert((int)axis, 1);
                }
                else
                {
                    int rank = shape.Count;
                    var drop = axes.Length == 0 ? Enumerable.Range(0, rank).Where(i => shape[i] == 1).Select(i => (long)i).ToArray() : axes.Select(a => a < 0 ? a + rank : a).ToArray();
                    shape = shape.Where((_, i) => !drop.Contains(i)).ToList();
                }
                return data.WithShape(shape);
            }
            case "Concat":
            {
                if (!AllSmallInts()) return null;
                var parts = node.Inputs.Select(i => constants[i]).ToArray();
                if (parts.Any(p => p.Shape.Count != 1)) return null;
                var values = parts.SelectMany(ShapeInference.ReadInt64s).ToArray();
                return Ints(values, [values.Length]);
            }
            case "Cast":
            {
                var data = In(0);
                if (data is null || node.Attribute("to")?.Int != 7 || data.ElementCount > MaxFoldedElements) return null;
                if (data.DataType is not (DataType.Int64 or DataType.Int32)) return null;
                return Ints(ShapeInference.ReadInt64s(data), data.Shape.ToArray());
            }
            default:
                return null;
        }
    }

    private static TensorData? ConstantValue(Node node)
    {
        if (node.Attribute("value")?.Tensor is { } t) return t;
        if (node.Attribute("value_int") is { } i) return Ints([i.Int], []);
        if (node.Attribute("value_ints") is { } ints) return Ints(ints.Ints.ToArray(), [ints.Ints.Count]);
        if (node.Attribute("value_float") is { } f) return Floats([f.Float], []);
        if (node.Attribute("value_floats") is { } fs) return Floats(fs.Floats.ToArray(), [fs.Floats.Count]);
        return null;
    }

    private static TensorData Ints(long[] values, long[] shape) =>
        TensorData.FromBytes(MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), DataType.Int64, shape);

    private static TensorData Floats(float[] values, long[] shape) =>
        TensorData.FromBytes(MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), DataType.Float32, shape);
}
