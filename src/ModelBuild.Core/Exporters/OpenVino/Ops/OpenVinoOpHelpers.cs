using System.Globalization;
using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>Attribute spelling and ONNX attribute defaults shared by the converters.</summary>
internal static class OpenVinoOpHelpers
{
    public static string List(IEnumerable<long> values) => string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    public static string Float(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    public static long[] Ints(Node node, string name, long[] fallback) => node.Attribute(name)?.Ints.ToArray() ?? fallback;

    /// <summary>Strides, dilations, pads_begin, pads_end and auto_pad of a Conv or pool node of spatial rank <paramref name="n"/>.</summary>
    public static (long[] Strides, long[] Dilations, long[] Begin, long[] End, string AutoPad) Window(OpenVinoIrBuilder b, Node node, int n)
    {
        var ones = Enumerable.Repeat(1L, n).ToArray();
        var pads = Ints(node, "pads", new long[2 * n]);
        var autoPad = (node.Attribute("auto_pad")?.StringValue ?? "NOTSET") switch
        {
            "NOTSET" => "explicit",
            "VALID" => "valid",
            "SAME_UPPER" => "same_upper",
            "SAME_LOWER" => "same_lower",
            var other => throw OpenVinoThrowHelper.UnsupportedFeature(b.Path, node, $"auto_pad '{other}'"),
        };
        return (Ints(node, "strides", ones), Ints(node, "dilations", ones), pads[..n], pads[n..], autoPad);
    }

    /// <summary>The single ONNX output, with unused optional outputs (LayerNormalization's Mean) refused when used.</summary>
    public static string SingleOutput(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        for (int k = 1; k < node.Outputs.Count; k++)
            if (node.Outputs[k].Length > 0 && used.Contains(node.Outputs[k]))
                throw OpenVinoThrowHelper.UnsupportedFeature(b.Path, node, $"output {k} ('{node.Outputs[k]}') is used");
        return node.Outputs[0];
    }

    public static long NormalizeAxis(long axis, int rank) => axis < 0 ? axis + rank : axis;
}
