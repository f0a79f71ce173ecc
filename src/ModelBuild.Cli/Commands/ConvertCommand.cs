using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Pipeline;
using ModelBuild.Core.Verification;

namespace ModelBuild.Cli.Commands;

/// <summary><c>modelbuild convert</c>: source → artifacts, gated by the equivalence check.</summary>
internal static class ConvertCommand
{
    public const string Help = """
        Usage: modelbuild convert <source> -o <out> [options]

        Converts a model to ONNX, checks the result against reference outputs, and writes the artifact only
        when the check passes. <source> is an .onnx model (validated and re-written deterministically), a
        TorchScript .pt (torch.jit.trace or torch.jit.script, then save: its code is converted operator by
        operator), or a weights file (.safetensors, .npz, or a PyTorch state_dict .pt/.pth/.bin — zip or
        legacy, also a checkpoint dict with it under "state_dict", "model_state_dict" or "model") bound into
        the graph named by --architecture. PyTorch pickles are read without running code. A
        torch.save(model) file made only of standard torch.nn modules (Sequential, Linear, Conv, BatchNorm,
        activations, pooling…) converts from their known semantics given --input; other classes are exit 3,
        which says how to save instead.
        Other targets are made from the checked ONNX artifact and each is reported with its own status:
        verified (runtime, max abs diff), structurally checked, or not checked (why).

        Options:
          -o, --output <path>        Artifact file (one target) or folder (several targets). Required.
          --targets <list>           Comma- or semicolon-separated targets. Default: onnx.
                                       onnx      the ONNX artifact, gated against the reference data
                                       ort       ONNX Runtime's ORT format (<stem>.ort), written by ONNX Runtime
                                                 (basic optimization, portable), reloaded and compared with
                                                 the ONNX artifact at 1e-5/1e-4
                                       tensorrt  a TensorRT engine (<stem>.engine + <stem>.engine.json) built by
                                                 trtexec for this machine's TensorRT and GPU; skipped with a
                                                 warning (MBLD1007) when trtexec or a GPU is missing
                                       tflite    a TFLite flatbuffer (<stem>.tflite, NHWC inside, fixed shapes:
                                                 symbolic dims are 1), run with LiteRT.js under Node and
                                                 compared with the ONNX artifact at 1e-4; produced but "not
                                                 checked" with a warning (MBLD1007) when Node or the runner is
                                                 missing
                                       openvino  OpenVINO IR (<stem>.xml + .bin), validated and translated back
                                                 to ONNX for ONNX Runtime to compare
                                       coreml    a Core ML ML Program (<stem>.mlpackage), structurally checked
          --locked                   Locked (CI) mode: a target whose tool is missing is an error, not a warning.
          --optional-targets <list>  Targets that may still be skipped in locked mode (MSBuild Optional="true").
          --trtexec <path>           trtexec to use. Default: TRTEXEC_PATH, TENSORRT_ROOT/bin (also TRT_ROOT,
                                     TensorRT_ROOT), PATH, /usr/src/tensorrt/bin, /opt/tensorrt/bin,
                                     /usr/local/TensorRT*/bin.
          --tflite-runner <folder>   LiteRT.js runner folder (run.mjs with node_modules from 'npm ci') for the
                                     tflite check. Default: MODELBUILD_TFLITE_RUNNER, else tflite-runner/
                                     beside modelbuild (run 'npm ci' there once). Node is looked for on PATH.
          --trt-profile <dims>       TensorRT optimization profile for symbolic dims: "batch=1,8,32;seq=1,128,512"
                                     (min,opt,max). Dims not named get 1,1,1.
          --cache-dir <folder>       Conversion cache: a gated conversion is stored under a sha256 key of every
                                     input's bytes, option and tool version, and an identical request restores
                                     its artifacts instead of converting (not with tensorrt or --no-verify).
                                     Without it nothing is cached. Toolchain caches (TensorRT's timing cache
                                     trt-timing.cache) live there too, else in MODELBUILD_CACHE_DIR, else
                                     ~/.cache/modelbuild.
          --input <signature>        Input signature, e.g. "x: float32[batch,3,224,224]"; repeatable. Replaces
                                     the source's input shape (symbolic names make dims dynamic).
          --opset <n>                ONNX opset of the result. An ONNX source keeps its own opset.
          --precision <fp32|fp16>    Numeric precision of the artifact. Default: fp32.
          --architecture <file>      The graph a weights-only source is bound into: an ONNX template or a
                                     TorchScript .pt of the same architecture (the fine-tuned checkpoint).
          --name-map <rules>         Rename weight-file tensors before matching: "model.*=*;*.num_batches_tracked="
                                     (first matching rule wins; empty right side drops), or @map.json with
                                     {"weightName": "initializerName"} pairs.
          --reference <file|none>    Reference data (.npz or .safetensors with input.<name>/output.<name>
                                     arrays). Default: <source>.ref.npz or <source>.ref.safetensors if present.
          --atol <a>, --rtol <r>     Tolerance: a number, or per output "1e-4;logits=1e-3". Defaults: fp32
                                     atol 1e-5, rtol 1e-4; fp16 1e-2, 1e-2.
          --report <file.json>       Write the verification report as JSON, and as Markdown beside it (.md).
          --no-verify                Skip the equivalence gate (benchmarks, debugging).
          --fp16-weights             Store tflite and openvino weights as float16 (dequantized at run time):
                                     half the size; those targets are then checked at the fp16 tolerance.
          --optimize <none|basic>    ONNX Runtime basic offline optimization, verified against the
                                     unoptimized graph. Default: none.
          --external-data-threshold <bytes>
                                     Total weight bytes above which weights go to <artifact>.data.
                                     Default: 1073741824 (1 GiB); always above 2 GB.

        Exit codes: 0 converted; 1 equivalence gate failed; 2 bad usage or invalid input;
                    3 unsupported model feature; 4 internal error. When one of several targets fails, the
                    exit code is the first failed target's (in --targets order) and the other targets'
                    artifacts are still written.
        """;

    private static readonly ArgumentParser Parser = new ArgumentParser()
        .Option("--output", "-o").Option("--targets").Option("--input", repeatable: true).Option("--opset")
        .Option("--precision").Option("--architecture").Option("--name-map").Option("--reference")
        .Option("--atol").Option("--rtol").Option("--report").Flag("--no-verify").Flag("--fp16-weights").Option("--optimize")
        .Option("--external-data-threshold").Flag("--locked").Option("--optional-targets").Option("--trtexec")
        .Option("--tflite-runner").Option("--trt-profile").Option("--cache-dir");

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = Parser.Parse(args, "convert");
        if (parsed.Help)
        {
            stdout.WriteLine(Help);
            return 0;
        }
        var source = parsed.SinglePositional("convert", "source model file");
        var output = parsed.Value("--output") ?? throw ArgumentParser.Usage("convert", "missing -o <out>");
        var request = new ConversionRequest
        {
            SourcePath = source,
            OutputPath = output,
            Targets = Target.ParseList(parsed.Value("--targets") ?? Target.Onnx),
            Inputs = parsed.All("--input").SelectMany(InputSignature.ParseMany).ToArray(),
            Opset = parsed.Int("--opset", "convert"),
            Precision = parsed.Value("--precision") ?? "fp32",
            ArchitecturePath = parsed.Value("--architecture"),
            NameMap = parsed.Value("--name-map"),
            ReferencePath = parsed.Value("--reference"),
            Atol = parsed.Value("--atol"),
            Rtol = parsed.Value("--rtol"),
            ReportPath = parsed.Value("--report"),
            Verify = !parsed.Has("--no-verify"),
            Fp16Weights = parsed.Has("--fp16-weights"),
            Optimization = ParseOptimization(parsed.Value("--optimize")),
            ExternalDataThreshold = parsed.Long("--external-data-threshold", "convert"),
            Locked = parsed.Has("--locked"),
            OptionalTargets = parsed.Value("--optional-targets") is { } optional ? Target.ParseList(optional) : [],
            TrtexecPath = parsed.Value("--trtexec"),
            TfLiteRunnerPath = parsed.Value("--tflite-runner"),
            TensorRtProfile = parsed.Value("--trt-profile"),
            CacheDirectory = parsed.Value("--cache-dir"),
        };

        var result = ConversionPipeline.Run(request);
        foreach (var line in result.Diagnostics) stderr.WriteLine(line);
        // The report's Markdown starts with the per-target table; without a report it is printed on its own.
        if (result.CacheKey is { } key) stdout.WriteLine($"Restored from the conversion cache (entry {key}); the gate passed when it was stored.\n");
        if (result.Report is { } report) stdout.WriteLine(report.ToMarkdown());
        else if (result.ReportMarkdown is { } markdown) stdout.WriteLine(markdown);
        else stdout.WriteLine("Equivalence gate skipped (--no-verify).\n\n" + VerificationReportMarkdown.TargetTable(result.Targets));
        foreach (var artifact in result.Artifacts)
            stdout.WriteLine($"wrote {artifact.Path} ({artifact.Size} bytes, sha256 {artifact.Sha256})");
        // The MSBuild accessor reads the I/O signature from beside the artifact (see SignatureSidecar).
        foreach (var artifact in result.Artifacts.Where(a => a.Target == Target.Onnx && a.Path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)))
            SignatureSidecar.Write(artifact.Path, result.Signature);
        return (int)result.ExitCode;
    }

    private static Optimization ParseOptimization(string? text) => text?.ToLowerInvariant() switch
    {
        null or "none" => Optimization.None,
        "basic" => Optimization.Basic,
        _ => throw new ModelBuildException(DiagnosticCode.InvalidOption, null, $"--optimize '{text}' is not one of: none, basic"),
    };
}
