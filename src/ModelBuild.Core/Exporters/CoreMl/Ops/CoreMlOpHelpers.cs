using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.CoreMl.Ops;

/// <summary>Window attributes (strides, pads, dilations) in MIL's spelling, shared by conv and pooling.</summary>
internal static class CoreMlOpHelpers
{
    /// <summary>(strides, pad_type, pad as [begin0, end0, begin1, end1…], dilations) as const names.</summary>
    public static List<(string, string[])> Window(CoreMlProgramBuilder b, Node node, int n, bool withDilations)
    {
        var ones = Enumerable.Repeat(1L, n).ToArray();
        var pads = node.Attribute("pads")?.Ints.ToArray() ?? new long[2 * n];
        var autoPad = node.Attribute("auto_pad")?.StringValue ?? "NOTSET";
        var padType = autoPad switch
        {
            "NOTSET" => "custom",
            "VALID" => "valid",
            "SAME_UPPER" => "same",
            "SAME_LOWER" => "same_lower",
            _ => throw CoreMlThrowHelper.UnsupportedFeature(b.Path, node, $"auto_pad '{autoPad}'"),
        };
        // ONNX pads are [b0, b1, …, e0, e1, …]; MIL's are interleaved per spatial axis.
        var interleaved = Enumerable.Range(0, n).SelectMany(i => new[] { pads[i], pads[i + n] });
        var args = new List<(string, string[])>
        {
            ("strides", [b.ConstInts(node.Name + "_strides", node.Attribute("strides")?.Ints ?? ones)]),
            ("pad_type", [b.ConstString(node.Name + "_pad_type", padType)]),
            ("pad", [b.ConstInts(node.Name + "_pad", padType == "custom" ? interleaved : new long[2 * n])]),
        };
        if (withDilations) args.Add(("dilations", [b.ConstInts(node.Name + "_dilations", node.Attribute("dilations")?.Ints ?? ones)]));
        return args;
    }

    public static long Axis(long axis, int rank) => axis < 0 ? axis + rank : axis;

    /// <summary>A reshape target from the inferred output dims: fixed sizes kept, one unknown size as -1.</summary>
    public static long[] ReshapeTarget(CoreMlProgramBuilder b, Node node, long[] dims)
    {
        if (dims.Count(d => d < 0) > 1) throw CoreMlThrowHelper.UnsupportedFeature(b.Path, node, "more than one dynamic dimension in the result");
        return dims;
    }
}
