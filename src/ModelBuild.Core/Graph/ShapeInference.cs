using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Graph;

/// <summary>
/// Element types and shapes of every value for the operators the deployment exporters lower (formats that
/// write each value's type, such as OpenVINO IR port dims and Core ML's typed SSA values, need them even where
/// the ONNX file had no <c>value_info</c>). Unknown sizes stay <see cref="Dim.Unknown"/> or keep their symbol;
/// an operator outside the subset leaves its outputs out of the result, and the exporter names it.
/// </summary>
public static class ShapeInference
{
    public static Dictionary<string, ValueInfo> Infer(Model model)
    {
        var graph = model.Graph;
        var known = new Dictionary<string, ValueInfo>(StringComparer.Ordinal);
        foreach (var init in graph.Initializers)
            known[init.Name] = new ValueInfo(init.Name, init.Data.DataType, TensorShape.Of(init.Data.Shape.ToArray()));
        foreach (var input in graph.Inputs) known[input.Name] = input;
        var constants = Constants(graph);
        long opset = model.OpsetImports.TryGetValue("", out var v) ? v : 17;
        foreach (var node in graph.Nodes)
        {
            var inputs = node.Inputs.Select(i => i.Length > 0 && known.TryGetValue(i, out var vi) ? vi : null).ToArray();
            var shapes = TryInfer(node, inputs, constants, opset);
            if (shapes is null) continue;
            for (int k = 0; k < shapes.Count && k < node.Outputs.Count; k++)
                if (node.Outputs[k].Length > 0) known[node.Outputs[k]] = new ValueInfo(node.Outputs[k], shapes[k].ElementType, shapes[k].Shape);
        }
        // Declared outputs keep their own names and symbols where inference found only unknown sizes.
        foreach (var output in graph.Outputs)
            if (!known.TryGetValue(output.Name, out var inferred) || inferred.Shape is null) known[output.Name] = output;
        return known;
    }

    /// <summary>Initializers and <c>Constant</c> node values by name, for operators that read shapes or bounds.</summary>
    public static Dictionary<string, TensorData> Constants(Graph graph)
    {
        var values = new Dictionary<string, TensorData>(StringComparer.Ordinal);
        foreach (var init in graph.Initializers) values[init.Name] = init.Data;
        foreach (var node in graph.Nodes)
            if (node.OpType == "Constant" && node.Domain.Length == 0 && node.Attribute("value")?.Tensor is { } t && node.Outputs.Count == 1)
                values[node.Outputs[0]] = t;
        return values;
    }

    /// <summary>Reads a small integer tensor (shape, axes, perm) as longs.</summary>
    public static long[] ReadInt64s(TensorData data)
    {
        var bytes = data.ReadAllBytes();
        return data.DataType switch
        {
            DataType.Int64 => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(bytes).ToArray(),
            DataType.Int32 => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(bytes).ToArray().Select(i => (long)i).ToArray(),
            _ => throw new ArgumentException($"expected an integer tensor, got {DataTypes.Name(data.DataType)}"),
        };
    }

    /// <summary>Reads a small float tensor (a bound, a scalar) as floats.</summary>
    public static float[] ReadFloats(TensorData data)
    {
        var bytes = data.ReadAllBytes();
        return data.DataType switch
        {
            DataType.Float32 => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray(),
            DataType.Float16 => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(bytes).ToArray().Select(h => (float)h).ToArray(),
            DataType.Float64 => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(bytes).ToArray().Select(d => (float)d).ToArray(),
            _ => throw new ArgumentException($"expected a float tensor, got {DataTypes.Name(data.DataType)}"),
        };
    }

    private static List<ValueInfo>? TryInfer(Node node, ValueInfo?[] inputs, Dictionary<string, TensorData> constants, long opset)
    {
        if (node.Domain.Length != 0) return null;
        var x = inputs.Length > 0 ? inputs[0] : null;
        var xs = x?.Shape?.Dims.ToArray();
        ValueInfo Out(DataType type, IEnumerable<Dim> dims) => new("", type, new TensorShape(dims));
        switch (node.OpType)
        {
            case "Constant":
                var t = node.Attribute("value")?.Tensor;
                return t is null ? null : [Out(t.DataType, t.Shape.Select(Dim.Fixed))];
            case "Relu" or "Sigmoid" or "Tanh" or "Clip" or "HardSwish" or "Gelu" or "Erf" or "Softmax" or "Identity":
                return x is null ? null : [x];
            case "LayerNormalization" or "BatchNormalization":
                return x is null ? null : [x];
            case "Add" or "Sub" or "Mul" or "Div":
                if (x?.Shape is null || inputs.Length < 2 || inputs[1]?.Shape is null) return null;
                return [Out(x.ElementType, Broadcast(xs!, inputs[1]!.Shape!.Dims.ToArray()))];
            case "Gemm":
            {
                if (xs is null || inputs.Length < 2 || inputs[1]?.Shape is null) return null;
                var b = inputs[1]!.Shape!.Dims;
                bool ta = node.Attribute("transA")?.Int == 1, tb = node.Attribute("transB")?.Int == 1;
                return [Out(x!.ElementType, [ta ? xs[1] : xs[0], tb ? b[0] : b[1]])];
            }
            case "MatMul":
            {
                if (xs is null || inputs.Length < 2 || inputs[1]?.Shape is null) return null;
                var b = inputs[1]!.Shape!.Dims.ToArray();
                if (xs.Length < 2 || b.Length < 2) return null;
                var batch = Broadcast(xs[..^2], b[..^2]);
                return [Out(x!.ElementType, [.. batch, xs[^2], b[^1]])];
            }
            case "Conv":
            {
                if (xs is null || inputs.Length < 2 || inputs[1]?.Shape is null) return null;
                var w = inputs[1]!.Shape!.Dims;
                var dims = new List<Dim> { xs[0], w[0] };
                dims.AddRange(Spatial(node, xs, w.Skip(2).Select(d => d.Value ?? 1).ToArray(), ceil: false));
                return [Out(x!.ElementType, dims)];
            }
            case "MaxPool" or "AveragePool":
            {
                if (xs is null) return null;
                var kernel = node.Attribute("kernel_shape")?.Ints.ToArray() ?? [];
                var dims = new List<Dim> { xs[0], xs[1] };
                dims.AddRange(Spatial(node, xs, kernel, node.Attribute("ceil_mode")?.Int == 1));
                return [Out(x!.ElementType, dims)];
            }
            case "GlobalAveragePool":
                return xs is null ? null : [Out(x!.ElementType, [xs[0], xs[1], .. Enumerable.Repeat(Dim.Fixed(1), xs.Length - 2)])];
            case "Flatten":
            {
                if (xs is null) return null;
                long axis = node.Attribute("axis")?.Int ?? 1;
                if (axis < 0) axis += xs.Length;
                return [Out(x!.ElementType, [Product(xs[..(int)axis]), Product(xs[(int)axis..])])];
            }
            case "Reshape":
            {
                if (xs is null || inputs.Length < 2 || !constants.TryGetValue(node.Inputs[1], out var shapeData)) return null;
                var shape = ReadInt64s(shapeData);
                bool allowZero = node.Attribute("allowzero")?.Int == 1;
                var dims = new Dim[shape.Length];
                int unknownAt = -1;
                for (int i = 0; i < shape.Length; i++)
                {
                    if (shape[i] == 0 && !allowZero) dims[i] = i < xs.Length ? xs[i] : Dim.Unknown;
                    else if (shape[i] == -1) unknownAt = i;
                    else dims[i] = Dim.Fixed(shape[i]);
                }
                if (unknownAt >= 0)
                {
                    var total = Product(xs);
                    var rest = Product(dims.Where((_, i) => i != unknownAt).ToArray());
                    dims[unknownAt] = total.IsFixed && rest.IsFixed && rest.Value != 0 ? Dim.Fixed(total.Value!.Value / rest.Value!.Value) : Dim.Unknown;
                }
                return [Out(x!.ElementType, dims)];
            }
            case "Concat":
            {
                if (xs is null || inputs.Any(i => i?.Shape is null)) return null;
                long axis = node.Attribute("axis")?.Int ?? 0;
                if (axis < 0) axis += xs.Length;
                var dims = xs.ToArray();
                long? sum = 0;
                foreach (var i in inputs) sum = sum is null || i!.Shape!.Dims[(int)axis].Value is not { } s ? null : sum + s;
                dims[axis] = sum is null ? Dim.Unknown : Dim.Fixed(sum.Value);
                return [Out(x!.ElementType, dims)];
            }
            case "Transpose":
            {
                if (xs is null) return null;
                var perm = node.Attribute("perm")?.Ints.ToArray() ?? Enumerable.Range(0, xs.Length).Reverse().Select(i => (long)i).ToArray();
                return [Out(x!.ElementType, perm.Select(p => xs[p]))];
            }
            case "Slice":
            {
                var bounds = SliceOf(node, xs, constants);
                return bounds is null ? null : [Out(x!.ElementType, bounds.OutputShape.Select(Dim.Fixed))];
            }
            case "ReduceMean":
            {
                if (xs is null) return null;
                var axes = ReduceAxes(node, xs.Length, constants, opset);
                if (axes is null) return null;
                bool keep = (node.Attribute("keepdims")?.Int ?? 1) == 1;
                var dims = new List<Dim>();
                for (int i = 0; i < xs.Length; i++)
                {
                    if (!axes.Contains(i)) dims.Add(xs[i]);
                    else if (keep) dims.Add(Dim.Fixed(1));
                }
                return [Out(x!.ElementType, dims)];
            }
            default:
                return null;
        }
    }

    /// <summary>A Slice (opset 10+) with a static input and constant starts/ends/axes/steps, resolved; else null.</summary>
    public static SliceBounds? SliceOf(Node node, Dim[]? xs, Dictionary<string, TensorData> constants)
    {
        if (xs is null || xs.Any(d => !d.IsFixed) || node.Inputs.Count < 3) return null;
        long[]? Read(int i) => node.Inputs.Count > i && node.Inputs[i].Length > 0 && constants.TryGetValue(node.Inputs[i], out var t) ? ReadInt64s(t) : null;
        var starts = Read(1);
        var ends = Read(2);
        if (starts is null || ends is null) return null;
        if (node.Inputs.Count > 3 && node.Inputs[3].Length > 0 && Read(3) is null) return null;
        if (node.Inputs.Count > 4 && node.Inputs[4].Length > 0 && Read(4) is null) return null;
        return SliceBounds.Resolve(xs.Select(d => d.Value!.Value).ToArray(), starts, ends, Read(3), Read(4));
    }

    /// <summary>ReduceMean's axes, non-negative and sorted: an attribute before opset 18, an input from 18; all axes when absent.</summary>
    public static int[]? ReduceAxes(Node node, int rank, Dictionary<string, TensorData> constants, long opset)
    {
        long[]? axes = node.Attribute("axes")?.Ints.ToArray();
        if (axes is null && node.Inputs.Count > 1 && node.Inputs[1].Length > 0)
        {
            if (!constants.TryGetValue(node.Inputs[1], out var data)) return null;
            axes = ReadInt64s(data);
        }
        axes ??= Enumerable.Range(0, rank).Select(i => (long)i).ToArray();
        return axes.Select(a => (int)(a < 0 ? a + rank : a)).Distinct().Order().ToArray();
    }

    public static Dim[] Broadcast(Dim[] a, Dim[] b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var result = new Dim[rank];
        for (int i = 0; i < rank; i++)
        {
            var da = i - (rank - a.Length) >= 0 ? a[i - (rank - a.Length)] : Dim.Fixed(1);
            var db = i - (rank - b.Length) >= 0 ? b[i - (rank - b.Length)] : Dim.Fixed(1);
            result[i] = da.Value == 1 ? db : db.Value == 1 ? da : da.IsFixed ? da : db;
        }
        return result;
    }

    private static Dim Product(Dim[] dims)
    {
        long p = 1;
        foreach (var d in dims)
        {
            if (d.Value is not { } v) return Dim.Unknown;
            p *= v;
        }
        return Dim.Fixed(p);
    }

    private static IEnumerable<Dim> Spatial(Node node, Dim[] xs, long[] kernel, bool ceil)
    {
        int n = xs.Length - 2;
        var strides = node.Attribute("strides")?.Ints.ToArray() ?? Enumerable.Repeat(1L, n).ToArray();
        var dilations = node.Attribute("dilations")?.Ints.ToArray() ?? Enumerable.Repeat(1L, n).ToArray();
        var pads = node.Attribute("pads")?.Ints.ToArray() ?? new long[2 * n];
        var autoPad = node.Attribute("auto_pad")?.StringValue ?? "NOTSET";
        for (int i = 0; i < n; i++)
        {
            if (xs[i + 2].Value is not { } size) { yield return Dim.Unknown; continue; }
            if (autoPad is "SAME_UPPER" or "SAME_LOWER") { yield return Dim.Fixed((size + strides[i] - 1) / strides[i]); continue; }
            long padded = autoPad == "VALID" ? size : size + pads[i] + pads[i + n];
            long span = dilations[i] * (kernel[i] - 1) + 1;
            long numerator = padded - span;
            yield return Dim.Fixed((ceil ? (numerator + strides[i] - 1) / strides[i] : numerator / strides[i]) + 1);
        }
    }
}
