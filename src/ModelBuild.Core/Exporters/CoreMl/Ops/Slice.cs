using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.CoreMl.Ops;

/// <summary>
/// ONNX Slice (opset 10+, constant starts/ends/axes/steps, static input) → MIL slice_by_index(x, begin, end,
/// stride) over every dim, with the bounds already clamped per dim (<see cref="SliceBounds"/>). Negative steps are
/// not lowered (MBLD2402).
/// </summary>
internal static class Slice
{
    public static void Convert(CoreMlProgramBuilder b, Node node)
    {
        var output = node.Outputs[0];
        var dims = b.DimsOf(node.Inputs[0]);
        var bounds = ShapeInference.SliceOf(node, dims.Select(Dim.Fixed).ToArray(), b.Constants)
            ?? throw CoreMlThrowHelper.UnsupportedFeature(b.Path, node, "starts, ends, axes and steps must be constants and the input shape static");
        if (bounds.Step.Any(s => s < 0)) throw CoreMlThrowHelper.UnsupportedFeature(b.Path, node, "negative steps");
        var end = Enumerable.Range(0, dims.Length).Select(i => bounds.Begin[i] + bounds.Size[i] * bounds.Step[i]).ToArray();
        b.OpFor(output, "slice_by_index", [("x", [b.Value(node.Inputs[0])]), ("begin", [b.ConstInts(node.Name + "_begin", bounds.Begin)]),
            ("end", [b.ConstInts(node.Name + "_end", end)]), ("stride", [b.ConstInts(node.Name + "_stride", bounds.Step)])]);
    }
}
