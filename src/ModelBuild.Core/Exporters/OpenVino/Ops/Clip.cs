using ModelBuild.Core.Graph;
using Kv = System.Collections.Generic.KeyValuePair<string, string>;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>ONNX Clip (input, min?, max? as constant inputs from opset 11; attributes before) → Clamp/opset1 (min, max attributes).</summary>
internal static class Clip
{
    public static void Convert(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        float min = node.Attribute("min")?.Float ?? float.MinValue, max = node.Attribute("max")?.Float ?? float.MaxValue;
        min = Bound(b, node, 1) ?? min;
        max = Bound(b, node, 2) ?? max;
        var output = node.Outputs[0];
        b.Bind(output, b.Op("Clamp", "opset1", node.Name, [new("min", OpenVinoOpHelpers.Float(min)), new("max", OpenVinoOpHelpers.Float(max))],
            [b.Value(node.Inputs[0])], b.TypeOf(output), b.DimsOf(output)));
    }

    private static float? Bound(OpenVinoIrBuilder b, Node node, int input)
    {
        if (node.Inputs.Count <= input || node.Inputs[input].Length == 0) return null;
        if (!b.Constants.TryGetValue(node.Inputs[input], out var data))
            throw OpenVinoThrowHelper.UnsupportedFeature(b.Path, node, $"input {input} ('{node.Inputs[input]}') must be a constant");
        return ShapeInference.ReadFloats(data)[0];
    }
}
