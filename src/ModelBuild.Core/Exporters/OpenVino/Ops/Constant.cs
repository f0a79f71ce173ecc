using ModelBuild.Core.Graph;
using Kv = System.Collections.Generic.KeyValuePair<string, string>;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>
/// ONNX Constant (value) and Identity (input). A Constant's tensor becomes a Const layer when first used (see
/// <see cref="OpenVinoIrBuilder.Value"/>), so this adds nothing; Identity binds its output to its input's port.
/// </summary>
internal static class Constant
{
    public static void Convert(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        if (node.OpType == "Identity") b.Bind(node.Outputs[0], b.Value(node.Inputs[0]));
        else if (node.Attribute("value")?.Tensor is null)
            throw OpenVinoThrowHelper.UnsupportedFeature(b.Path, node, "only the 'value' tensor form is supported");
    }
}
