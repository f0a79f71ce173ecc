using System.Runtime.InteropServices;
using ModelBuild.Core.Exporters.TfLite.Ops;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// Evaluates at export time the nodes whose inputs are all constants, so that what they compute becomes a tensor
/// in the file instead of operators TFLite lacks or runs for nothing. Two kinds:
/// <list type="bullet">
/// <item>data movement, exact by construction: <c>Identity</c>, <c>Transpose</c>, <c>Reshape</c>/<c>Flatten</c>/
/// <c>Squeeze</c>/<c>Unsqueeze</c>, <c>Concat</c>, <c>Split</c>, <c>Slice</c>, <c>Gather</c>, <c>Expand</c>,
/// <c>Cast</c> between int64, int32 and float32 — the transposed and split projection weights of torch's
/// <c>F.linear</c>/<c>multi_head_attention</c> (which then lower to FULLY_CONNECTED), ViT's class token, Swin's
/// relative position bias table look-up;</item>
/// <item>element-wise <c>Add</c>/<c>Sub</c>/<c>Mul</c>/<c>Div</c>/<c>Mod</c>, <c>Equal</c>, <c>Not</c>, <c>Where</c>
/// on constants: the int64 shape arithmetic torch.onnx traces around Reshape, and Swin's shifted-window attention
/// mask, built from constants with comparisons TFLite could only run on bool tensors. Each float32 operation is one
/// IEEE-754 operation in C#, the same one ONNX Runtime does at run time.</item>
/// </list>
/// Runs twice: once over the node list before <see cref="TfLiteFusions"/> (so a Transpose of a weight is a
/// constant when the MatMul + bias fusion looks at it), then per node during lowering, where a <c>Shape</c> folded by
/// <see cref="ShapeOps"/> makes its consumers constant. A node that cannot be evaluated here (unknown op, other
/// element types, a result above <see cref="MaxElements"/>) is left to its converter, which lowers it or fails the target.
/// </summary>
internal static class TfLiteConstantFolder
{
    /// <summary>Results above this many elements, and above every input's count, stay operators.</summary>
    public const long MaxElements = 1 << 22;

    public static List<Node> FoldAhead(TfLiteLowering l, IReadOnlyList<Node> nodes)
    {
        var rest = new List<Node>(nodes.Count);
        foreach (var node in nodes)
            if (!TryFold(l, node)) rest.Add(node);
        return rest;
    }

    public static bool TryFold(TfLiteLowering l, Node node)
    {
        if (node.Domain is not ("" or "ai.onnx")) return false;
        if (node.Outputs.Any(o => o.Length > 0 && l.IsGraphOutput(o))) return false;
        if (node.OpType == "Constant" || !node.Inputs.Any(i => i.Length > 0) || node.Inputs.Any(i => i.Length > 0 && !l.IsConstant(i))) return false;
        try
        {
            var results = Evaluate(l, node);
            if (results is null || results.Count < node.Outputs.Count(o => o.Length > 0)) return false;
            for (int i = 0; i < results.Count; i++)
            {
                if (node.Outputs.Count <= i || node.Outputs[i].Length == 0) continue;
                var (values, type, shape) = results[i];
                l.AddConstant(node.Outputs[i], TensorData.FromBytes(Bytes(values), type, shape));
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException or KeyNotFoundException)
        {
            return false;
        }
        return true;
    }

    private static List<(Array Values, DataType Type, long[] Shape)>? Evaluate(TfLiteLowering l, Node node)
    {
        var inputs = node.Inputs.Select(i => i.Length > 0 ? l.ConstantData(i) : null).ToArray();
        if (inputs.Any(i => i is not null && !IsFoldable(i.DataType))) return null;
        // A weight is moved whatever its size (a Transpose of VGG's 8M-element classifier weight); only results
        // larger than every input and the cap (an Expand to activation size) stay operators.
        long cap = Math.Max(MaxElements, inputs.Max(i => i?.ElementCount ?? 0));
        TensorData In(int i) => inputs[i]!;
        long[]? Ints(int i) => i < inputs.Length && inputs[i] is { } t ? ToLongs(t) : null;
        long[] ShapeOf(int i) => In(i).Shape.ToArray();
        var results = new List<(Array, DataType, long[])>();
        void One(Array values, DataType type, long[] shape)
        {
            if (shape.Aggregate(1L, (p, d) => p * d) > cap) throw new ArgumentException("result too large to fold");
            results.Add((values, type, shape));
        }
        switch (node.OpType)
        {
            case "Identity" or "Dropout":
                One(Values(In(0)), In(0).DataType, ShapeOf(0));
                break;
            case "Transpose":
            {
                var shape = ShapeOf(0);
                var perm = TfLiteLowering.Ints(node, "perm", Enumerable.Range(0, shape.Length).Reverse().Select(i => (long)i).ToArray()).Select(p => (int)p).ToArray();
                One(Permute(Values(In(0)), shape, perm), In(0).DataType, TfLitePermutation.Apply(shape, perm));
                break;
            }
            case "Reshape" or "Flatten" or "Squeeze" or "Unsqueeze":
            {
                var shape = Reshape.OutputShape(l, node, ShapeOf(0));
                One(Values(In(0)), In(0).DataType, shape);
                break;
            }
            case "Concat":
            {
                var parts = inputs.Where(i => i is not null).Select(i => i!).ToArray();
                if (parts.Select(p => p.DataType).Distinct().Count() != 1) return null;
                int rank = parts[0].Shape.Count;
                int axis = TfLiteLowering.NormalizeAxis(TfLiteLowering.Int(node, "axis", 0), rank);
                var shape = parts[0].Shape.ToArray();
                shape[axis] = parts.Sum(p => p.Shape[axis]);
                long offset = 0;
                var result = Array.CreateInstance(ElementType(parts[0].DataType), shape.Aggregate(1L, (p, d) => p * d));
                foreach (var part in parts)
                {
                    var src = Values(part);
                    var partShape = part.Shape.ToArray();
                    long start = offset;
                    Copy(src, partShape, result, shape, c => { c[axis] += start; return c; });
                    offset += partShape[axis];
                }
                One(result, parts[0].DataType, shape);
                break;
            }
            case "Split":
            {
                var shape = ShapeOf(0);
                int axis = TfLiteLowering.NormalizeAxis(TfLiteLowering.Int(node, "axis", 0), shape.Length);
                var sizes = Split.Sizes(l, node, shape[axis]);
                long offset = 0;
                for (int k = 0; k < sizes.Length; k++)
                {
                    var begin = new long[shape.Length];
                    begin[axis] = offset;
                    var size = (long[])shape.Clone();
                    size[axis] = sizes[k];
                    One(SliceOf(Values(In(0)), shape, begin, size, Enumerable.Repeat(1L, shape.Length).ToArray()), In(0).DataType, size);
                    offset += sizes[k];
                }
                break;
            }
            case "Slice":
            {
                if (inputs.Length < 3) return null;
                var shape = ShapeOf(0);
                var bounds = SliceBounds.Resolve(shape, Ints(1)!, Ints(2)!, Ints(3), Ints(4));
                One(SliceOf(Values(In(0)), shape, bounds.Begin, bounds.Size, bounds.Step), In(0).DataType, bounds.OutputShape);
                break;
            }
            case "Gather":
            {
                var shape = ShapeOf(0);
                int axis = TfLiteLowering.NormalizeAxis(TfLiteLowering.Int(node, "axis", 0), shape.Length);
                var indices = Ints(1)!.Select(i => i < 0 ? i + shape[axis] : i).ToArray();
                var indexShape = ShapeOf(1);
                long[] outShape = [.. shape[..axis], .. indexShape, .. shape[(axis + 1)..]];
                var src = Values(In(0));
                var result = Array.CreateInstance(src.GetType().GetElementType()!, outShape.Aggregate(1L, (p, d) => p * d));
                var inStrides = Strides(shape);
                int ir = indexShape.Length;
                ForEach(outShape, (c, n) =>
                {
                    long flatIndex = 0;
                    for (int d = 0; d < ir; d++) flatIndex = flatIndex * indexShape[d] + c[axis + d];
                    long s = indices[flatIndex] * inStrides[axis];
                    for (int d = 0; d < axis; d++) s += c[d] * inStrides[d];
                    for (int d = axis + 1; d < shape.Length; d++) s += c[d + ir - 1] * inStrides[d];
                    result.SetValue(src.GetValue(s), n);
                });
                One(result, In(0).DataType, outShape);
                break;
            }
            case "Expand":
            {
                var shape = ShapeOf(0);
                var target = Ints(1)!;
                var outShape = Elementwise.Broadcast(l, node, shape, target);
                var result = Array.CreateInstance(ElementType(In(0).DataType), outShape.Aggregate(1L, (p, d) => p * d));
                var src = Values(In(0));
                var strides = BroadcastStrides(shape, outShape);
                ForEach(outShape, (c, n) => result.SetValue(src.GetValue(Offset(c, strides)), n));
                One(result, In(0).DataType, outShape);
                break;
            }
            case "Cast":
            {
                var to = (DataType)TfLiteLowering.Int(node, "to", 0);
                if (!IsFoldable(to) || to == DataType.Bool && In(0).DataType != DataType.Bool) return null;
                var src = Values(In(0));
                var result = Array.CreateInstance(ElementType(to), src.Length);
                for (int i = 0; i < src.Length; i++) result.SetValue(Convert(src.GetValue(i)!, to), i);
                One(result, to, ShapeOf(0));
                break;
            }
            case "Add" or "Sub" or "Mul" or "Div" or "Mod" or "Equal":
            {
                var (a, b) = (In(0), In(1));
                if (a.DataType != b.DataType || a.DataType == DataType.Bool) return null;
                var outShape = Elementwise.Broadcast(l, node, a.Shape, b.Shape);
                var (av, bv) = (Values(a), Values(b));
                var (sa, sb) = (BroadcastStrides(a.Shape.ToArray(), outShape), BroadcastStrides(b.Shape.ToArray(), outShape));
                bool fmod = TfLiteLowering.Int(node, "fmod", 0) != 0;
                var outType = node.OpType == "Equal" ? DataType.Bool : a.DataType;
                var result = Array.CreateInstance(ElementType(outType), outShape.Aggregate(1L, (p, d) => p * d));
                ForEach(outShape, (c, n) => result.SetValue(Binary(node.OpType, av.GetValue(Offset(c, sa))!, bv.GetValue(Offset(c, sb))!, fmod), n));
                One(result, outType, outShape);
                break;
            }
            case "Not":
            {
                if (In(0).DataType != DataType.Bool) return null;
                One(((bool[])Values(In(0))).Select(v => !v).ToArray(), DataType.Bool, ShapeOf(0));
                break;
            }
            case "Where":
            {
                var (cond, x, y) = (In(0), In(1), In(2));
                if (cond.DataType != DataType.Bool || x.DataType != y.DataType) return null;
                var outShape = Elementwise.Broadcast(l, node, Elementwise.Broadcast(l, node, cond.Shape, x.Shape), y.Shape);
                var (cv, xv, yv) = ((bool[])Values(cond), Values(x), Values(y));
                var (sc, sx, sy) = (BroadcastStrides(cond.Shape.ToArray(), outShape), BroadcastStrides(x.Shape.ToArray(), outShape), BroadcastStrides(y.Shape.ToArray(), outShape));
                var result = Array.CreateInstance(ElementType(x.DataType), outShape.Aggregate(1L, (p, d) => p * d));
                ForEach(outShape, (c, n) => result.SetValue(cv[Offset(c, sc)] ? xv.GetValue(Offset(c, sx)) : yv.GetValue(Offset(c, sy)), n));
                One(result, x.DataType, outShape);
                break;
            }
            default:
                return null;
        }
        return results;
    }

    private static bool IsFoldable(DataType type) => type is DataType.Float32 or DataType.Int64 or DataType.Int32 or DataType.Bool;

    private static Type ElementType(DataType type) => type switch
    {
        DataType.Float32 => typeof(float),
        DataType.Int64 => typeof(long),
        DataType.Int32 => typeof(int),
        DataType.Bool => typeof(bool),
        _ => throw new ArgumentException($"element type {type}"),
    };

    private static Array Values(TensorData data)
    {
        var bytes = data.ReadAllBytes();
        return data.DataType switch
        {
            DataType.Float32 => MemoryMarshal.Cast<byte, float>(bytes).ToArray(),
            DataType.Int64 => MemoryMarshal.Cast<byte, long>(bytes).ToArray(),
            DataType.Int32 => MemoryMarshal.Cast<byte, int>(bytes).ToArray(),
            DataType.Bool => bytes.Select(b => b != 0).ToArray(),
            _ => throw new ArgumentException($"element type {data.DataType}"),
        };
    }

    private static long[] ToLongs(TensorData data) => Values(data) switch
    {
        long[] l => l,
        int[] i => i.Select(v => (long)v).ToArray(),
        _ => throw new ArgumentException("integer input expected"),
    };

    private static byte[] Bytes(Array values) => values switch
    {
        float[] f => MemoryMarshal.AsBytes(f.AsSpan()).ToArray(),
        long[] l => MemoryMarshal.AsBytes(l.AsSpan()).ToArray(),
        int[] i => MemoryMarshal.AsBytes(i.AsSpan()).ToArray(),
        bool[] b => b.Select(v => v ? (byte)1 : (byte)0).ToArray(),
        _ => throw new ArgumentException("element type"),
    };

    private static Array Permute(Array values, long[] shape, int[] perm) => values switch
    {
        float[] f => TfLitePermutation.PermuteData(f, shape, perm),
        long[] l => TfLitePermutation.PermuteData(l, shape, perm),
        int[] i => TfLitePermutation.PermuteData(i, shape, perm),
        bool[] b => TfLitePermutation.PermuteData(b, shape, perm),
        _ => throw new ArgumentException("element type"),
    };

    private static object Convert(object value, DataType to) => to switch
    {
        DataType.Float32 => System.Convert.ToSingle(value, System.Globalization.CultureInfo.InvariantCulture),
        DataType.Int64 => value is float f ? (long)f : System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        DataType.Int32 => value is float g ? (int)g : System.Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture),
        DataType.Bool => (bool)value,
        _ => throw new ArgumentException($"element type {to}"),
    };

    private static object Binary(string op, object a, object b, bool fmod)
    {
        if (a is float x && b is float y)
        {
            return op switch
            {
                "Add" => x + y,
                "Sub" => x - y,
                "Mul" => x * y,
                "Div" => x / y,
                "Mod" => fmod ? x % y : throw new ArgumentException("float Mod needs fmod = 1"),
                _ => x == y,
            };
        }
        long p = System.Convert.ToInt64(a, System.Globalization.CultureInfo.InvariantCulture), q = System.Convert.ToInt64(b, System.Globalization.CultureInfo.InvariantCulture);
        long r = op switch
        {
            "Add" => p + q,
            "Sub" => p - q,
            "Mul" => p * q,
            // ONNX integer Div truncates toward zero, like C#.
            "Div" => q == 0 ? throw new ArgumentException("division by zero") : p / q,
            // Integer Mod (fmod = 0) takes the divisor's sign, as Python's %; fmod = 1 the dividend's, as C#'s.
            "Mod" => q == 0 ? throw new ArgumentException("division by zero") : fmod ? p % q : ((p % q) + q) % q,
            _ => p == q ? 1 : 0,
        };
        if (op == "Equal") return r == 1;
        return a is int ? (object)(int)r : r;
    }

    private static long[] Strides(long[] shape)
    {
        var strides = new long[shape.Length];
        long s = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = s;
            s *= shape[d];
        }
        return strides;
    }

    /// <summary>Strides of <paramref name="shape"/> seen as broadcast to <paramref name="outShape"/> (0 where it repeats).</summary>
    private static long[] BroadcastStrides(long[] shape, long[] outShape)
    {
        var own = Strides(shape);
        var result = new long[outShape.Length];
        int shift = outShape.Length - shape.Length;
        for (int d = 0; d < shape.Length; d++) result[d + shift] = shape[d] == 1 ? 0 : own[d];
        return result;
    }

    private static long Offset(long[] coords, long[] strides)
    {
        long s = 0;
        for (int d = 0; d < coords.Length; d++) s += coords[d] * strides[d];
        return s;
    }

    private static void ForEach(long[] shape, Action<long[], long> visit)
    {
        long total = shape.Aggregate(1L, (p, d) => p * d);
        var c = new long[shape.Length];
        for (long n = 0; n < total; n++)
        {
            visit(c, n);
            for (int d = shape.Length - 1; d >= 0; d--)
            {
                if (++c[d] < shape[d]) break;
                c[d] = 0;
            }
        }
    }

    private static Array SliceOf(Array src, long[] shape, long[] begin, long[] size, long[] step)
    {
        var result = Array.CreateInstance(src.GetType().GetElementType()!, size.Aggregate(1L, (p, d) => p * d));
        var strides = Strides(shape);
        ForEach(size, (c, n) =>
        {
            long s = 0;
            for (int d = 0; d < c.Length; d++) s += (begin[d] + c[d] * step[d]) * strides[d];
            result.SetValue(src.GetValue(s), n);
        });
        return result;
    }

    private static void Copy(Array src, long[] srcShape, Array dst, long[] dstShape, Func<long[], long[]> place)
    {
        var dstStrides = Strides(dstShape);
        ForEach(srcShape, (c, n) =>
        {
            var target = place((long[])c.Clone());
            dst.SetValue(src.GetValue(n), Offset(target, dstStrides));
        });
    }
}
