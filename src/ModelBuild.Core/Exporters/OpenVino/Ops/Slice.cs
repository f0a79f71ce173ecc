using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.OpenVino.Ops;

/// <summary>
/// ONNX Slice (opset 10+, constant starts/ends/axes/steps, static input) → Slice/opset8 (data, start, stop, step,
/// axes as i64 Consts), with the bounds already clamped per dim (<see cref="SliceBounds"/>), so OpenVINO's and
/// ONNX's clamping rules never have to agree on INT64_MAX ends. Negative steps are not lowered (MBLD2302).
/// </summary>
internal static class Slice
{
    public static void Convert(OpenVinoIrBuilder b, Node node, HashSet<string> used)
    {
        var output = node.Outputs[0];
        var x = b.Value(node.Inputs[0]);
        var bounds = ShapeInference.SliceOf(node, x.Dims.Select(Dim.Fixed).ToArray(), b.Constants)
            ?? throw OpenVinoThrowHelper.UnsupportedFeature(b.Path, node, "starts, ends, axes and steps must be constants and the input shape static");
        if (bounds.Step.Any(s => s < 0)) throw OpenVinoThrowHelper.UnsupportedFeature(b.Path, node, "negative steps");
        int rank = bounds.Begin.Length;
        var stop = Enumerable.Range(0, rank).Select(i => bounds.Begin[i] + bounds.Size[i] * bounds.Step[i]).ToArray();
        b.Bind(output, b.Op("Slice", "opset8", node.Name, [],
            [x, b.ConstInt64(node.Name + "/start", bounds.Begin), b.ConstInt64(node.Name + "/stop", stop),
             b.ConstInt64(node.Name + "/step", bounds.Step), b.ConstInt64(node.Name + "/axes", Enumerable.Range(0, rank).Select(i => (long)i).ToArray())],
            b.TypeOf(output), b.DimsOf(output)));
    }
}
