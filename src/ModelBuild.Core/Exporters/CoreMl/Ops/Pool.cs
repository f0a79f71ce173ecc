using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.CoreMl.Ops;

/// <summary>
/// ONNX MaxPool / AveragePool (kernel_shape, strides, pads, ceil_mode, count_include_pad) → MIL max_pool / avg_pool
/// (kernel_sizes, strides, pad_type, pad, ceil_mode, exclude_padding_from_average); GlobalAveragePool → reduce_mean
/// over the spatial axes with keep_dims.
/// </summary>
internal static class Pool
{
    public static void Convert(CoreMlProgramBuilder b, Node node)
    {
        var x = b.Value(node.Inputs[0]);
        int rank = b.DimsOf(node.Inputs[0]).Length;
        if (node.OpType == "GlobalAveragePool")
        {
            b.OpFor(node.Outputs[0], "reduce_mean", [("x", [x]), ("axes", [b.ConstInts(node.Name + "_axes", Enumerable.Range(2, rank - 2).Select(i => (long)i))]),
                ("keep_dims", [b.ConstBool(node.Name + "_keep_dims", true)])]);
            return;
        }
        if (node.Outputs.Count > 1 && node.Outputs[1].Length > 0) throw CoreMlThrowHelper.UnsupportedFeature(b.Path, node, "the Indices output");
        if ((node.Attribute("dilations")?.Ints ?? []).Any(d => d != 1)) throw CoreMlThrowHelper.UnsupportedFeature(b.Path, node, "dilations other than 1");
        var args = new List<(string, string[])> { ("x", [x]), ("kernel_sizes", [b.ConstInts(node.Name + "_kernel_sizes", node.Attribute("kernel_shape")!.Ints)]) };
        args.AddRange(CoreMlOpHelpers.Window(b, node, rank - 2, withDilations: false));
        args.Add(("ceil_mode", [b.ConstBool(node.Name + "_ceil_mode", node.Attribute("ceil_mode")?.Int == 1)]));
        if (node.OpType == "AveragePool")
            args.Add(("exclude_padding_from_average", [b.ConstBool(node.Name + "_exclude_pad", node.Attribute("count_include_pad")?.Int != 1)]));
        b.OpFor(node.Outputs[0], node.OpType == "MaxPool" ? "max_pool" : "avg_pool", args);
    }
}
