namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>Dense float transposes between ONNX layout and a binding's TFLite layout, for feeding and reading a runtime.</summary>
public static class TfLitePermute
{
    /// <summary>Output dim i is input dim <paramref name="perm"/>[i].</summary>
    public static float[] Apply(float[] data, long[] shape, int[] perm)
    {
        if (perm.Select((p, i) => p == i).All(x => x)) return data;
        int rank = shape.Length;
        var strides = new long[rank];
        long s = 1;
        for (int d = rank - 1; d >= 0; d--) { strides[d] = s; s *= shape[d]; }
        var outShape = perm.Select(p => shape[p]).ToArray();
        var result = new float[data.Length];
        var index = new long[rank];
        for (long n = 0; n < data.Length; n++)
        {
            long src = 0;
            for (int d = 0; d < rank; d++) src += index[d] * strides[perm[d]];
            result[n] = data[src];
            for (int d = rank - 1; d >= 0; d--)
            {
                if (++index[d] < outShape[d]) break;
                index[d] = 0;
            }
        }
        return result;
    }

    public static int[] Inverse(int[] p)
    {
        var inv = new int[p.Length];
        for (int i = 0; i < p.Length; i++) inv[p[i]] = i;
        return inv;
    }
}
