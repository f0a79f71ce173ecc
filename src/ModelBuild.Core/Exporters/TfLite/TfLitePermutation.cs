namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// Layouts as permutations. A value's layout <c>p</c> says how its TFLite tensor orders the ONNX dimensions:
/// TFLite dim <c>i</c> is ONNX dim <c>p[i]</c>. ONNX order is the identity; NHWC for a 4-D NCHW value is
/// <c>[0,2,3,1]</c>. Turning layout <c>p</c> into <c>q</c> is a TRANSPOSE with perm <c>t[i] = p⁻¹[q[i]]</c>.
/// </summary>
internal static class TfLitePermutation
{
    public static readonly int[] Nhwc = [0, 2, 3, 1];

    public static int[] Identity(int rank) => Enumerable.Range(0, rank).ToArray();

    public static bool IsIdentity(int[] p)
    {
        for (int i = 0; i < p.Length; i++) if (p[i] != i) return false;
        return true;
    }

    public static int[] Inverse(int[] p)
    {
        var inv = new int[p.Length];
        for (int i = 0; i < p.Length; i++) inv[p[i]] = i;
        return inv;
    }

    /// <summary>The TRANSPOSE perm that turns a tensor in layout <paramref name="from"/> into layout <paramref name="to"/>.</summary>
    public static int[] Between(int[] from, int[] to)
    {
        var inv = Inverse(from);
        return to.Select(d => inv[d]).ToArray();
    }

    /// <summary>ONNX-ordered dims seen in layout <paramref name="p"/>.</summary>
    public static long[] Apply(IReadOnlyList<long> onnxShape, int[] p) => p.Select(d => onnxShape[d]).ToArray();

    public static string Key(int[] p) => string.Join(",", p);

    /// <summary>
    /// Whether transposing <paramref name="shape"/> by <paramref name="perm"/> keeps the element order, because only
    /// dimensions of size 1 move: then a RESHAPE does the job without moving data.
    /// </summary>
    public static bool IsReshapeOnly(IReadOnlyList<long> shape, int[] perm)
    {
        int last = -1;
        foreach (var d in perm)
        {
            if (shape[d] == 1) continue;
            if (d < last) return false;
            last = d;
        }
        return true;
    }

    /// <summary>
    /// Permutes a C-ordered array of 4-byte elements: output dim <c>i</c> is input dim <c>perm[i]</c>. Used for
    /// weights, which are permuted at export time so that no TRANSPOSE runs on them at inference.
    /// </summary>
    public static T[] PermuteData<T>(T[] data, IReadOnlyList<long> shape, int[] perm)
    {
        int rank = shape.Count;
        if (IsIdentity(perm) || data.Length <= 1) return (T[])data.Clone();
        var inStrides = new long[rank];
        long stride = 1;
        for (int d = rank - 1; d >= 0; d--)
        {
            inStrides[d] = stride;
            stride *= shape[d];
        }
        var outShape = Apply(shape, perm);
        var strideOfOut = perm.Select(d => inStrides[d]).ToArray();
        var result = new T[data.Length];
        var index = new long[rank];
        for (long n = 0; n < data.Length; n++)
        {
            long src = 0;
            for (int d = 0; d < rank; d++) src += index[d] * strideOfOut[d];
            result[n] = data[src];
            for (int d = rank - 1; d >= 0; d--)
            {
                if (++index[d] < outShape[d]) break;
                index[d] = 0;
            }
        }
        return result;
    }
}
