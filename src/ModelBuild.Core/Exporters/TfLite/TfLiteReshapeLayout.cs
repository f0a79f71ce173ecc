namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// Chooses the layouts a RESHAPE runs in. A reshape merges or splits runs of ONNX dims: cut both shapes (size-1 dims
/// aside, they can sit anywhere) into the smallest groups whose products agree, e.g. [N,C,H,W] → [N,C,H·W] is
/// {N}{C}{H,W}. The element order is ONNX's as long as, in the tensor's layout, each group's dims are contiguous and
/// in ONNX order; the groups themselves may come in any order. So a value in NHWC reshapes to [N,C,H·W] with no data
/// movement, its result laid out as [N,H·W,C]. When the value's layout breaks a group, the input is brought to the
/// nearest layout that does not (groups kept in the order they appear, each put in ONNX order): one TRANSPOSE, no
/// more, and none back to ONNX order. An input in ONNX order keeps giving an output in ONNX order.
/// </summary>
internal static class TfLiteReshapeLayout
{
    /// <summary>The layout to bring the input to, and the layout the output then has.</summary>
    public static (int[] Input, int[] Output) Plan(long[] inShape, int[] layout, long[] outShape)
    {
        var identityIn = TfLitePermutation.Identity(inShape.Length);
        var identityOut = TfLitePermutation.Identity(outShape.Length);
        if (inShape.Any(d => d == 0) || outShape.Any(d => d == 0)) return (identityIn, identityOut);
        var inDims = Enumerable.Range(0, inShape.Length).Where(d => inShape[d] != 1).ToArray();
        var outDims = Enumerable.Range(0, outShape.Length).Where(d => outShape[d] != 1).ToArray();

        var groups = new List<(List<int> In, List<int> Out)>();
        int a = 0, b = 0;
        while (a < inDims.Length || b < outDims.Length)
        {
            var gi = new List<int>();
            var go = new List<int>();
            long pi = 1, po = 1;
            do
            {
                if (pi <= po && a < inDims.Length) { pi *= inShape[inDims[a]]; gi.Add(inDims[a++]); }
                else if (b < outDims.Length) { po *= outShape[outDims[b]]; go.Add(outDims[b++]); }
                else return (identityIn, identityOut);
            }
            while (pi != po);
            groups.Add((gi, go));
        }

        var groupOf = new Dictionary<int, int>();
        for (int g = 0; g < groups.Count; g++)
            foreach (var d in groups[g].In) groupOf[d] = g;
        var physical = layout.Where(d => inShape[d] != 1).ToArray();
        var order = physical.Select(d => groupOf[d]).Distinct().ToArray();
        var wantedIn = order.SelectMany(g => groups[g].In).ToArray();
        var wantedOut = order.SelectMany(g => groups[g].Out).ToArray();
        var input = wantedIn.SequenceEqual(physical) ? layout : WithUnitDims(wantedIn, inShape);
        return (input, WithUnitDims(wantedOut, outShape));
    }

    /// <summary>
    /// A full layout from the order of the non-1 dims: each size-1 dim goes right after its ONNX predecessor, so an
    /// ascending order gives the identity.
    /// </summary>
    private static int[] WithUnitDims(int[] order, long[] shape)
    {
        var result = order.ToList();
        for (int d = 0; d < shape.Length; d++)
        {
            if (shape[d] != 1) continue;
            result.Insert(d == 0 ? 0 : result.IndexOf(d - 1) + 1, d);
        }
        return result.ToArray();
    }
}
