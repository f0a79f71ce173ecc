using ModelBuild.Core.Graph;
using Kv = System.Collections.Generic.KeyValuePair<string, string>;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>ONNX Gelu (opset 20; approximate = none | tanh) → Gelu/opset7 (approximation_mode ERF | TANH).</summary>
internal static class Gelu
{
    public static void Convert(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        var mode = (node.Attribute("approximate")?.StringValue ?? "none") switch
        {
            "none" => "ERF",
            "tanh" => "TANH",
            var other => throw OpenVinoThrowHelper.UnsupportedFeature(b.Path, node, $"approximate '{other}'"),
        };
        var output = node.Outputs[0];
        b.Bind(output, b.Op("Gelu", "opset7", node.Name, [new("approximation_mode", mode)], [b.Value(node.Inputs[0])], b.TypeOf(output), b.DimsOf(output)));
    }
}
