namespace ModelBuild.Core.Graph;

/// <summary>
/// ONNX <c>Slice</c> (opset 10+: constant starts, ends, optional axes and steps) resolved against a static input
/// shape into per-dimension begin, size and step, with the operator's clamping rules: negative starts and ends
/// count from the end, ends beyond the dim (torch.onnx writes INT64_MAX) clamp to it. The target writers share it
/// so each lowers the same, already-normalized slice.
/// </summary>
public sealed record SliceBounds(long[] Begin, long[] Size, long[] Step)
{
    /// <summary>Output shape: <see cref="Size"/>.</summary>
    public long[] OutputShape => Size;

    /// <summary>True when every step is 1 (a plain SLICE in TFLite, slice_by_size in Core ML).</summary>
    public bool Contiguous => Step.All(s => s == 1);

    public static SliceBounds Resolve(long[] shape, long[] starts, long[] ends, long[]? axes, long[]? steps)
    {
        int rank = shape.Length;
        if (starts.Length != ends.Length || (axes is not null && axes.Length != starts.Length) || (steps is not null && steps.Length != starts.Length))
            throw new ArgumentException("starts, ends, axes and steps differ in length");
        var begin = new long[rank];
        var size = (long[])shape.Clone();
        var step = Enumerable.Repeat(1L, rank).ToArray();
        for (int i = 0; i < starts.Length; i++)
        {
            long axis = axes is null ? i : axes[i] < 0 ? axes[i] + rank : axes[i];
            if (axis < 0 || axis >= rank) throw new ArgumentException($"axis {axes![i]} is outside rank {rank}");
            long dim = shape[axis];
            long s = steps?[i] ?? 1;
            if (s == 0) throw new ArgumentException("a step of 0");
            long start = starts[i], end = ends[i];
            if (start < 0) start += dim;
            if (end < 0) end += dim;
            if (s > 0)
            {
                start = Math.Clamp(start, 0, dim);
                end = Math.Clamp(end, 0, dim);
                size[axis] = end > start ? (end - start + s - 1) / s : 0;
            }
            else
            {
                start = Math.Clamp(start, 0, dim - 1);
                end = Math.Clamp(end, -1, dim - 1);
                size[axis] = start > end ? (start - end - s - 1) / -s : 0;
            }
            begin[axis] = start;
            step[axis] = s;
        }
        return new SliceBounds(begin, size, step);
    }
}
