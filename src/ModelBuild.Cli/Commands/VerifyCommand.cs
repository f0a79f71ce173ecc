using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Pipeline;
using ModelBuild.Core.Verification;

namespace ModelBuild.Cli.Commands;

/// <summary><c>modelbuild verify</c>: runs an ONNX model and compares it with reference data.</summary>
internal static class VerifyCommand
{
    public const string Help = """
        Usage: modelbuild verify <model.onnx> [--reference <file>] [options]

        Runs the model with ONNX Runtime (graph optimizations off, so converter bugs are not hidden by runtime
        rewrites) on every input set of the reference data and compares every output:
        |actual - expected| <= atol + rtol * |expected|, in float64; NaN must match NaN, Inf must match exactly,
        integer and bool outputs must match exactly. Without reference data the model runs on seeded inputs
        (several sizes for symbolic dims) and fails only on NaN or Inf.

        Options:
          --reference <file|none>    .npz or .safetensors with input.<name>/output.<name> arrays (or
                                     set<k>.input.<name>/set<k>.output.<name> for several input sets).
                                     Default: <model>.ref.npz or <model>.ref.safetensors if present.
          --atol <a>, --rtol <r>     A number, or per output "1e-4;logits=1e-3". Defaults: atol 1e-5, rtol 1e-4.
          --precision <fp32|fp16>    Picks the default tolerances (fp16: 1e-2, 1e-2). Default: fp32.
          --report <file.json>       Write the report as JSON, and as Markdown beside it (.md).

        Exit codes: 0 passed; 1 outputs differ (or NaN/Inf); 2 bad usage or invalid input; 4 internal error.
        """;

    private static readonly ArgumentParser Parser = new ArgumentParser()
        .Option("--reference").Option("--atol").Option("--rtol").Option("--precision").Option("--report");

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = Parser.Parse(args, "verify");
        if (parsed.Help)
        {
            stdout.WriteLine(Help);
            return 0;
        }
        var model = parsed.SinglePositional("verify", "model file");
        if (!File.Exists(model)) throw new ModelBuildException(DiagnosticCode.FileNotFound, model, "the model file does not exist");
        var tolerance = ToleranceSpec.Parse(parsed.Value("--atol"), parsed.Value("--rtol"), ConversionPipeline.ParsePrecision(parsed.Value("--precision") ?? "fp32"));

        var referencePath = ReferenceFile.Resolve(parsed.Value("--reference"), model);
        var reference = referencePath is null ? null : ReferenceFile.Load(referencePath);

        var report = Verifier.Verify(new VerificationRequest(model, reference, tolerance));
        if (parsed.Value("--report") is { } reportPath) ConversionPipeline.WriteReport(report, reportPath);
        foreach (var line in ConversionPipeline.GateDiagnostics(report, model)) stderr.WriteLine(line);
        stdout.WriteLine(report.ToMarkdown());
        return (int)report.ExitCode;
    }
}
