using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// ONNX <c>Transpose</c> (perm, reversed by default) costs nothing here: the output is the input's tensor seen in
/// another layout (<c>q[j] = perm⁻¹[p[j]]</c>), and a TRANSPOSE appears only where a consumer needs a layout the
/// tensor does not have. <c>Identity</c> and inference-mode <c>Dropout</c> alias their input.
/// </summary>
internal static class Transpose
{
    public static void Lower(TfLiteLowering l, Node node)
    {
        var value = l.Value(node, node.Inputs[0]);
        int rank = value.Rank;
        var perm = TfLiteLowering.Ints(node, "perm", Enumerable.Range(0, rank).Reverse().Select(i => (long)i).ToArray()).Select(p => (int)p).ToArray();
        var inverse = TfLitePermutation.Inverse(perm);
        var layout = value.Layout.Select(d => inverse[d]).ToArray();
        var shape = perm.Select(p => value.Shape[p]).ToArray();
        l.Alias(node.Outputs[0], new TfLiteValue(value.Tensor, shape, layout));
    }

    public static void Identity(TfLiteLowering l, Node node)
    {
        if (node.Outputs.Count > 1 && node.Outputs[1].Length > 0)
            throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, "the mask output");
        l.Alias(node.Outputs[0], l.Value(node, node.Inputs[0]));
    }
}
