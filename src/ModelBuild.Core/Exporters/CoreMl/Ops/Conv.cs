using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.CoreMl.Ops;

/// <summary>ONNX Conv (X, W, B?; strides, dilations, pads, group, auto_pad) → MIL conv(x, weight, bias, strides, pad_type, pad, dilations, groups).</summary>
internal static class Conv
{
    public static void Convert(CoreMlProgramBuilder b, Node node)
    {
        var x = b.Value(node.Inputs[0]);
        int n = b.DimsOf(node.Inputs[0]).Length - 2;
        var args = new List<(string, string[])> { ("x", [x]), ("weight", [b.Value(node.Inputs[1])]) };
        if (node.Inputs.Count > 2 && node.Inputs[2].Length > 0) args.Add(("bias", [b.Value(node.Inputs[2])]));
        args.AddRange(CoreMlOpHelpers.Window(b, node, n, withDilations: true));
        args.Add(("groups", [b.ConstInt(node.Name + "_groups", node.Attribute("group")?.Int ?? 1)]));
        b.OpFor(node.Outputs[0], "conv", args);
    }
}
