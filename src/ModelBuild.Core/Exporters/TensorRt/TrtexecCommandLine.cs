namespace ModelBuild.Core.Exporters.TensorRt;

/// <summary>
/// The trtexec arguments that build an engine from the ONNX artifact, chosen for the detected TensorRT version:
/// <list type="bullet">
/// <item><c>--onnx</c>, <c>--saveEngine</c>, <c>--timingCacheFile</c> always.</item>
/// <item><c>--minShapes/--optShapes/--maxShapes</c> when an input has a symbolic dim (required by trtexec then).</item>
/// <item>Precision. fp32: nothing before 10.12; <c>--stronglyTyped</c> from 10.12 (which deprecated weak typing)
/// to before 11, so the ONNX's types decide as they will in 11; nothing from 11 (strongly typed is the only mode).
/// fp16: <c>--fp16</c> before 11; from 11 an fp16 ONNX is required, because the flag is gone.</item>
/// <item><c>--skipInference</c> from 8.6, <c>--buildOnly</c> before: build, do not benchmark.</item>
/// </list>
/// Never <c>--explicitBatch</c> (gone in 10) or <c>--workspace</c> (replaced by <c>--memPoolSize</c>).
/// </summary>
public static class TrtexecCommandLine
{
    public static IReadOnlyList<string> Build(TensorRtVersion version, string onnx, string engine, string timingCache,
        IReadOnlyList<TensorRtShapes> shapes, bool fp16, string source)
    {
        var args = new List<string>
        {
            "--onnx=" + onnx,
            "--saveEngine=" + engine,
            "--timingCacheFile=" + timingCache,
        };
        if (shapes.Count > 0)
        {
            args.Add("--minShapes=" + string.Join(",", shapes.Select(s => TensorRtShapes.Spec(s.Input, s.Min))));
            args.Add("--optShapes=" + string.Join(",", shapes.Select(s => TensorRtShapes.Spec(s.Input, s.Opt))));
            args.Add("--maxShapes=" + string.Join(",", shapes.Select(s => TensorRtShapes.Spec(s.Input, s.Max))));
        }
        if (fp16)
        {
            if (version.Major >= 11) throw TensorRtThrowHelper.Fp16NeedsFp16Onnx(source, version);
            args.Add("--fp16");
        }
        else if (version.IsAtLeast(10, 12) && version.Major < 11)
        {
            args.Add("--stronglyTyped");
        }
        args.Add(version.IsAtLeast(8, 6) ? "--skipInference" : "--buildOnly");
        return args;
    }
}
