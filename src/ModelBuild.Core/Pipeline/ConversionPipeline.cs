using System.Security.Cryptography;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Exporters.Onnx;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Pipeline;

/// <summary>
/// The one orchestrator: import → structural checks → export → (optimize) → verify → place artifacts.
/// Artifacts are written into a staging folder beside the output and moved into place only when the gate
/// passes, so a failed conversion never leaves a file that an incremental build would take as up to date.
/// </summary>
public static class ConversionPipeline
{
    public static ConversionResult Run(ConversionRequest request)
    {
        var targets = request.Targets;
        var precision = ParsePrecision(request.Precision);
        if (precision != Precision.Fp32)
            throw new ModelBuildException(DiagnosticCode.UnsupportedFeature, request.SourcePath, "--precision fp16 is not produced by this version yet; use fp32");
        var tolerance = ToleranceSpec.Parse(request.Atol, request.Rtol, precision);
        var referencePath = ResolveReference(request);

        var model = SourceImporter.Import(request);
        InputOverrides.Apply(model, request.Inputs, request.SourcePath);
        CheckOpset(model, request);
        GraphValidator.Validate(model, request.SourcePath, DiagnosticCode.GraphInvalid);
        var reference = referencePath is null ? null : ReferenceFile.Load(referencePath);

        var outputFile = ResolveOutputFile(request, targets);
        var outputDirectory = Path.GetDirectoryName(outputFile)!;
        CreateDirectory(outputDirectory);
        var staging = Path.Combine(outputDirectory, $".modelbuild-staging-{Guid.NewGuid():N}");
        CreateDirectory(staging);
        try
        {
            var staged = Path.Combine(staging, Path.GetFileName(outputFile));
            var options = request.ExternalDataThreshold is { } threshold ? new OnnxWriterOptions { ExternalDataThreshold = threshold } : new OnnxWriterOptions();
            var written = OnnxWriter.Write(model, staged, options);

            var diagnostics = new List<string>();
            if (request.Optimization == Optimization.Basic) Optimize(staged);

            VerificationReport? report = null;
            if (request.Verify)
            {
                report = Verifier.Verify(new VerificationRequest(staged, reference, tolerance) { ReportedPath = outputFile });
                if (request.ReportPath is not null) WriteReport(report, request.ReportPath);
                diagnostics.AddRange(GateDiagnostics(report, request.SourcePath));
                if (report.ExitCode != ExitCode.Success)
                    return new ConversionResult { ExitCode = report.ExitCode, Report = report, Diagnostics = diagnostics };
            }

            // A previous conversion may have written external data this one keeps inline; a stale .data file
            // beside the artifact would be shipped and hashed as if it belonged to it.
            var staleData = outputFile + ".data";
            if (!written.UsesExternalData && File.Exists(staleData)) File.Delete(staleData);

            var artifacts = new List<Artifact>();
            foreach (var file in Directory.GetFiles(staging).Order(StringComparer.Ordinal))
            {
                var destination = Path.Combine(outputDirectory, Path.GetFileName(file));
                File.Move(file, destination, overwrite: true);
                artifacts.Add(new Artifact(Target.Onnx, destination, new FileInfo(destination).Length, Sha256Of(destination)));
            }
            return new ConversionResult { ExitCode = ExitCode.Success, Artifacts = artifacts, Report = report, Diagnostics = diagnostics };
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>The diagnostic a gate outcome turns into: the failure (error), the near miss or the unchecked source (warnings).</summary>
    public static IEnumerable<string> GateDiagnostics(VerificationReport report, string file)
    {
        if (report.Code is not { } code) yield break;
        var severity = code.Exit == ExitCode.Success ? "warning" : "error";
        var hint = code == DiagnosticCode.NoReference ? " Record the source's outputs into <model>.ref.npz (see README)." : "";
        yield return Diagnostic.Format(file, severity, code, report.SummaryLine() + hint);
    }

    public static void WriteReport(VerificationReport report, string jsonPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(jsonPath))!;
        CreateDirectory(directory);
        File.WriteAllText(jsonPath, report.ToJson());
        File.WriteAllText(Path.ChangeExtension(jsonPath, ".md"), report.ToMarkdown());
    }

    public static Precision ParsePrecision(string text) => text.ToLowerInvariant() switch
    {
        "fp32" => Precision.Fp32,
        "fp16" => Precision.Fp16,
        _ => throw new ModelBuildException(DiagnosticCode.InvalidOption, null, $"precision '{text}' is not one of: fp32, fp16"),
    };

    private static string? ResolveReference(ConversionRequest request)
    {
        if (string.Equals(request.ReferencePath, "none", StringComparison.OrdinalIgnoreCase)) return null;
        if (request.ReferencePath is not null) return request.ReferencePath;
        return ReferenceFile.DefaultCandidates(request.SourcePath).FirstOrDefault(File.Exists);
    }

    private static void CheckOpset(Model model, ConversionRequest request)
    {
        if (request.Opset is not { } opset) return;
        model.OpsetImports.TryGetValue("", out var current);
        if (current != opset)
            throw new ModelBuildException(DiagnosticCode.UnsupportedFeature, request.SourcePath,
                $"the model uses ONNX opset {current}; converting an ONNX model to opset {opset} is not supported (omit --opset to keep {current})");
    }

    private static void Optimize(string staged)
    {
        var optimized = staged + ".optimized";
        OrtOptimizer.OptimizeBasic(staged, optimized);
        var comparison = Verifier.CompareModels(optimized, staged, ToleranceSpec.DefaultFor(Precision.Fp32));
        if (!comparison.Passed)
        {
            File.Delete(optimized);
            throw new ModelBuildException(DiagnosticCode.OptimizationFailed, staged,
                "ONNX Runtime's basic optimization changed the model's outputs: " + comparison.SummaryLine());
        }
        File.Move(optimized, staged, overwrite: true);
    }

    private static string ResolveOutputFile(ConversionRequest request, IReadOnlyList<string> targets)
    {
        var output = Path.GetFullPath(request.OutputPath);
        bool isFolder = Directory.Exists(output) || request.OutputPath.EndsWith('/') || request.OutputPath.EndsWith('\\') || targets.Count > 1;
        return isFolder ? Path.Combine(output, Path.GetFileNameWithoutExtension(request.SourcePath) + ".onnx") : output;
    }

    private static void CreateDirectory(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelBuildException(DiagnosticCode.OutputNotWritable, directory, $"cannot create the output folder: {e.Message}", e);
        }
    }

    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
