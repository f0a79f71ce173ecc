using System.Security.Cryptography;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Exporters;
using ModelBuild.Core.Exporters.Onnx;
using ModelBuild.Core.Exporters.TensorRt;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Pipeline;

/// <summary>
/// The one orchestrator: import → structural checks → export ONNX → (optimize) → gate → derived targets
/// (<see cref="TargetExporters"/>: each exported from the gated ONNX and checked as far as this machine allows)
/// → place artifacts. Every artifact is written into a staging folder beside the output and moved into place only
/// when its check passed, so a failed conversion never leaves a file that an incremental build would take as up
/// to date; a failed derived target withholds only its own files.
/// </summary>
public static class ConversionPipeline
{
    public static ConversionResult Run(ConversionRequest request)
    {
        var cached = CachedConversion.Open(request);
        if (cached?.TryRestore() is { } restored) return restored;
        var result = Convert(request);
        cached?.Store(result);
        return result;
    }

    private static ConversionResult Convert(ConversionRequest request)
    {
        var targets = request.Targets;
        var precision = ParsePrecision(request.Precision);
        if (precision != Precision.Fp32)
            throw new ModelBuildException(DiagnosticCode.UnsupportedFeature, request.SourcePath, "--precision fp16 is not produced by this version yet; use fp32");
        var tolerance = ToleranceSpec.Parse(request.Atol, request.Rtol, precision);
        var referencePath = ReferenceFile.Resolve(request.ReferencePath, request.SourcePath);
        // Parsed up front so a bad --trt-profile fails before any work, whichever targets run.
        TensorRtProfile.Parse(request.TensorRtProfile);

        var model = SourceImporter.Import(request);
        InputOverrides.Apply(model, request.Inputs, request.SourcePath);
        CheckOpset(model, request);
        GraphValidator.Validate(model, request.SourcePath, DiagnosticCode.GraphInvalid);
        var reference = referencePath is null ? null : ReferenceFile.Load(referencePath);

        var (outputDirectory, fileNames) = ResolveOutputs(request, targets);
        CreateDirectory(outputDirectory);
        var staging = Path.Combine(outputDirectory, $".modelbuild-staging-{Guid.NewGuid():N}");
        CreateDirectory(staging);
        try
        {
            // Each target stages in its own folder, so a target's file can never overwrite the ONNX it is made from.
            var onnxStaging = Path.Combine(staging, Target.Onnx);
            Directory.CreateDirectory(onnxStaging);
            var staged = Path.Combine(onnxStaging, fileNames[Target.Onnx]);
            var finalOnnx = Path.Combine(outputDirectory, fileNames[Target.Onnx]);
            var options = request.ExternalDataThreshold is { } threshold ? new OnnxWriterOptions { ExternalDataThreshold = threshold } : new OnnxWriterOptions();
            var written = OnnxWriter.Write(model, staged, options);

            // The writer hashed what it wrote, and the model in hand says what its interface is: placing the files
            // and writing the signature sidecar reuse both instead of reading the artifact back (a second pass over
            // every weight byte). ONNX Runtime's optimizer rewrites the file, so then neither is the writer's any more.
            var signature = ModelSignature.Of(model.Graph);
            var writtenHashes = written.Files.ToDictionary(f => Path.GetFullPath(f.Path), f => f.Sha256, StringComparer.Ordinal);
            var diagnostics = new List<string>();
            if (request.Optimization == Optimization.Basic)
            {
                Optimize(staged);
                writtenHashes.Clear();
                signature = null;
            }

            VerificationReport? report = null;
            if (request.Verify)
            {
                report = Verifier.Verify(new VerificationRequest(staged, reference, tolerance) { ReportedPath = finalOnnx });
                diagnostics.AddRange(GateDiagnostics(report, request.SourcePath));
                if (report.ExitCode != ExitCode.Success)
                {
                    // Every target is made from the ONNX artifact; one that fails the gate leaves nothing to derive.
                    var gated = targets.Select(t => t == Target.Onnx ? OnnxStatus(report, [])
                        : new TargetVerification(t, TargetStatus.NotChecked, "not produced: the ONNX artifact it is made from failed the gate")).ToArray();
                    report = report.WithTargets(gated);
                    if (request.ReportPath is not null) WriteReport(report, request.ReportPath);
                    return new ConversionResult { ExitCode = report.ExitCode, Report = report, Diagnostics = diagnostics, Targets = gated };
                }
            }

            // The graph-lowering writers (TFLite, OpenVINO, Core ML) need weights, bounds and shape arithmetic as
            // constants, and get BatchNormalization as the Mul/Add they all have; the ONNX artifact is already written, so folding here changes only what they lower, and
            // every derived target is still compared with the unfolded ONNX artifact.
            if (targets.Any(t => t != Target.Onnx))
            {
                Passes.ConstantFolding.Run(model);
                Passes.BatchNormalizationDecomposition.Run(model);
            }

            var statuses = new List<TargetVerification>();
            var toPlace = new List<(string Target, string StagedFile, string FileName)>();
            ExitCode? firstFailure = null;
            foreach (var target in targets)
            {
                if (target == Target.Onnx)
                {
                    var onnxFiles = Directory.GetFiles(onnxStaging).Order(StringComparer.Ordinal).ToArray();
                    toPlace.AddRange(onnxFiles.Select(f => (target, f, Path.GetFileName(f))));
                    statuses.Add(OnnxStatus(report, onnxFiles.Select(Path.GetFileName).ToArray()!));
                    continue;
                }
                var outcome = ProduceTarget(request, target, model, staged, staging, fileNames[target], reference, precision, diagnostics);
                statuses.Add(outcome.Status);
                if (outcome.Status.Status == TargetStatus.Failed)
                {
                    firstFailure ??= outcome.Status.Code?.Exit ?? ExitCode.Internal;
                    continue;
                }
                toPlace.AddRange(outcome.Files.Select(f => (target, f, Path.GetFileName(f))));
            }

            // A previous conversion may have written external data this one keeps inline; a stale .data file
            // beside the artifact would be shipped and hashed as if it belonged to it.
            var staleData = finalOnnx + ".data";
            if (targets.Contains(Target.Onnx) && !written.UsesExternalData && File.Exists(staleData)) File.Delete(staleData);

            // Every file was staged and checked above; only now does anything reach the output folder.
            var artifacts = new List<Artifact>();
            foreach (var (target, file, name) in toPlace)
            {
                var destination = Path.Combine(outputDirectory, name);
                artifacts.Add(ArtifactPlacement.Place(target, file, destination, writtenHashes.GetValueOrDefault(Path.GetFullPath(file))));
            }
            if (report is not null)
            {
                report = report.WithTargets(statuses);
                if (request.ReportPath is not null) WriteReport(report, request.ReportPath);
            }
            // Non-zero when any target failed (the first failure's exit code, in --targets order); the artifacts of
            // the targets that passed are written all the same, so one broken target does not hold back the rest.
            return new ConversionResult
            {
                ExitCode = firstFailure ?? ExitCode.Success, Artifacts = artifacts, Report = report, Diagnostics = diagnostics, Targets = statuses,
                Signature = signature,
            };
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private sealed record TargetOutcome(TargetVerification Status, IReadOnlyList<string> Files);

    /// <summary>
    /// Exports one derived target into its staging folder and checks it as far as this machine allows. A failure
    /// is this target's alone: it becomes a Failed status and an error line, and the other targets go on.
    /// </summary>
    private static TargetOutcome ProduceTarget(ConversionRequest request, string target, Model model, string stagedOnnx, string staging,
        string fileName, ReferenceData? reference, Precision precision, List<string> diagnostics)
    {
        var exporter = TargetExporters.All[target];
        var folder = Path.Combine(staging, target);
        Directory.CreateDirectory(folder);
        var context = new TargetExportContext(model, stagedOnnx, folder, fileName)
        {
            SourcePath = request.SourcePath,
            CacheFolder = CacheFolder.Resolve(request.CacheDirectory),
            Tools = request.Tools,
            ShapeProfile = request.TensorRtProfile,
            TrtexecPath = request.TrtexecPath,
            TfLiteRunnerPath = request.TfLiteRunnerPath,
            Fp16Weights = request.Fp16Weights,
        };
        TargetExport export;
        try
        {
            export = exporter.Export(context);
        }
        catch (ModelBuildException ex) when (ex.Code.Id.StartsWith("MBLD2", StringComparison.Ordinal))
        {
            // Named at the model (what MSBuild shows the user), not at the staged artifact, which is deleted.
            diagnostics.Add(Diagnostic.Format(request.SourcePath, "error", ex.Code, ex.Message));
            return new TargetOutcome(new TargetVerification(target, TargetStatus.Failed, ex.Message) { Code = ex.Code }, []);
        }

        if (export.IsSkipped)
        {
            bool required = request.Locked && !request.OptionalTargets.Contains(target);
            var message = $"target '{target}' skipped: {export.SkipReason}. To produce it, {export.SkipHint}"
                          + (required ? $". Locked mode requires every target; mark it optional (--optional-targets {target}, Optional=\"true\") to allow skipping it" : "");
            diagnostics.Add(Diagnostic.Format(request.SourcePath, required ? "error" : "warning", DiagnosticCode.TargetToolMissing, message));
            var detail = export.SkipReason!;
            return new TargetOutcome(required
                ? new TargetVerification(target, TargetStatus.Failed, detail) { Code = DiagnosticCode.TargetToolMissing }
                : new TargetVerification(target, TargetStatus.NotChecked, detail) { Code = DiagnosticCode.TargetToolMissing }, []);
        }

        var names = export.Files.Select(Path.GetFileName).ToArray()!;
        if (export.UncheckedReason is not null && request.Verify)
        {
            // Produced, but the runtime that would check it is missing: a warning with what to install, never a silent ok.
            bool required = request.Locked && !request.OptionalTargets.Contains(target);
            var message = $"target '{target}' not checked: {export.UncheckedReason}. To check it, {export.UncheckedHint}"
                          + (required ? $". Locked mode requires every target to be checked; mark it optional (--optional-targets {target}, Optional=\"true\") to allow this" : "");
            diagnostics.Add(Diagnostic.Format(request.SourcePath, required ? "error" : "warning", DiagnosticCode.TargetToolMissing, message));
            var unchecked_ = required
                ? new TargetVerification(target, TargetStatus.Failed, export.UncheckedReason) { Code = DiagnosticCode.TargetToolMissing }
                : new TargetVerification(target, TargetStatus.NotChecked, export.UncheckedReason) { Code = DiagnosticCode.TargetToolMissing };
            unchecked_ = unchecked_ with { Files = names!, Properties = export.Properties };
            return new TargetOutcome(unchecked_, required ? [] : export.Files);
        }
        var status = export.Check switch
        {
            TargetCheck.OnnxRuntime or TargetCheck.OwnRuntime when !request.Verify => new TargetVerification(target, TargetStatus.NotChecked, "--no-verify"),
            TargetCheck.OwnRuntime => CompareRunnerWithOnnx(request, target, export.Runner!, stagedOnnx, reference, export.ReducedPrecision, diagnostics),
            TargetCheck.OnnxRuntime => CompareWithOnnx(request, target, export.RunnableStandIn ?? export.Files[0], export.RunnableVia, stagedOnnx, reference,
                export.ReducedPrecision ? Precision.Fp16 : precision, diagnostics),
            TargetCheck.Structural => new TargetVerification(target, TargetStatus.StructurallyChecked, export.Note ?? "structure checked"),
            _ => new TargetVerification(target, TargetStatus.NotChecked, export.Note ?? "no runtime here can check it"),
        };
        status = status with { Files = names!, Properties = export.Properties };
        return new TargetOutcome(status, status.Status == TargetStatus.Failed ? [] : export.Files);
    }

    /// <summary>
    /// Runs the target's artifact and the ONNX artifact on the same inputs (the reference's when there is one,
    /// seeded otherwise) and compares at the precision's default tolerance: both should compute the same thing.
    /// </summary>
    private static TargetVerification CompareWithOnnx(ConversionRequest request, string target, string artifact, string? via, string stagedOnnx,
        ReferenceData? reference, Precision precision, List<string> diagnostics)
    {
        var comparison = Verifier.CompareModels(artifact, stagedOnnx, ToleranceSpec.DefaultFor(precision), reference?.Sets);
        var maxAbs = comparison.Comparisons.Select(c => c.Comparison.MaxAbs).DefaultIfEmpty(0).Max();
        var inputs = reference is null ? $"seeded inputs (seed {comparison.Seed})" : $"the inputs of {Path.GetFileName(reference.File)}";
        if (!comparison.Passed)
        {
            var code = comparison.Code ?? DiagnosticCode.GateFailed;
            var message = $"target '{target}' differs from the ONNX artifact on {inputs}: {comparison.SummaryLine()}";
            diagnostics.Add(Diagnostic.Format(request.SourcePath, "error", code, message));
            return new TargetVerification(target, TargetStatus.Failed, message) { Code = code, MaxAbsDiff = maxAbs };
        }
        if (comparison.Code == DiagnosticCode.NearMiss)
            diagnostics.Add(Diagnostic.Format(request.SourcePath, "warning", DiagnosticCode.NearMiss, $"target '{target}': {comparison.SummaryLine()}"));
        return new TargetVerification(target, TargetStatus.Verified, $"outputs match the ONNX artifact on {inputs}")
        {
            Runtime = "onnxruntime " + comparison.OrtVersion + (via is null ? "" : $" via {via}"),
            ComparedWith = "the ONNX artifact",
            MaxAbsDiff = maxAbs,
        };
    }

    /// <summary>
    /// Runs the target in its own runtime (<see cref="IArtifactRunner"/>) and ONNX Runtime on the ONNX artifact with
    /// the same inputs (the reference's when there is one, seeded otherwise) and compares at atol 1e-4, rtol 1e-4
    /// (fp32): another runtime's kernels, so a little looser than ONNX Runtime against itself. An artifact written
    /// with fixed shapes is compared only on the sets whose shapes it was written with; the status says which.
    /// </summary>
    private static TargetVerification CompareRunnerWithOnnx(ConversionRequest request, string target, IArtifactRunner runner, string stagedOnnx,
        ReferenceData? reference, bool reducedPrecision, List<string> diagnostics)
    {
        var tolerance = reducedPrecision ? Tolerance.DefaultFor(Precision.Fp16) : new Tolerance(1e-4, 1e-4);
        using var ort = new OnnxRuntimeRunner(stagedOnnx);
        var all = reference?.Sets ?? SeededInputs.Create(ort.Inputs, 1);
        var source = reference is null ? "seeded inputs (seed 1)" : $"the inputs of {Path.GetFileName(reference.File)}";
        var fits = all.Where(set => runner.FixedInputShapes is not { } fixedShapes || set.Inputs.All(i =>
            !fixedShapes.TryGetValue(i.Name, out var shape) || shape.SequenceEqual(i.Data.Shape))).ToList();
        string FixedText() => runner.FixedInputShapes is { } f ? string.Join(", ", f.Select(kv => $"{kv.Key}[{string.Join(",", kv.Value)}]")) : "";
        if (fits.Count == 0)
        {
            var why = $"no input set of {source} has the fixed shapes the artifact was written with ({FixedText()})";
            diagnostics.Add(Diagnostic.Format(request.SourcePath, "warning", DiagnosticCode.TargetNoFittingInputs, $"target '{target}' not checked: {why}"));
            return new TargetVerification(target, TargetStatus.NotChecked, why) { Code = DiagnosticCode.TargetNoFittingInputs };
        }
        var setsText = fits.Count == all.Count ? $"all {all.Count} set(s)" : $"set(s) {string.Join(", ", fits.Select(s => s.Name))} of {all.Count} (the others' symbolic dims differ from the written shapes {FixedText()})";

        IReadOnlyList<IReadOnlyList<NamedTensor>> actual;
        try
        {
            actual = runner.Run(fits.Select(s => s.Inputs).ToArray());
        }
        catch (ModelBuildException ex) when (ex.Code == DiagnosticCode.TfLiteRuntimeFailed)
        {
            var message = $"target '{target}': {runner.Runtime} could not run it: {ex.Message}";
            diagnostics.Add(Diagnostic.Format(request.SourcePath, "error", ex.Code, message));
            return new TargetVerification(target, TargetStatus.Failed, message) { Code = ex.Code };
        }
        double maxAbs = 0;
        var failures = new List<string>();
        bool nearMiss = false;
        for (int s = 0; s < fits.Count; s++)
        {
            var expected = ort.Run(fits[s].Inputs);
            var got = actual[s].ToDictionary(t => t.Name, StringComparer.Ordinal);
            foreach (var e in expected)
            {
                if (!got.TryGetValue(e.Name, out var a))
                {
                    failures.Add($"{fits[s].Name}: output '{e.Name}' missing");
                    continue;
                }
                var c = OutputComparer.Compare(e.Name, e.Data, a.Data, tolerance);
                maxAbs = Math.Max(maxAbs, c.MaxAbs);
                nearMiss |= c.NearMiss;
                if (!c.Passed) failures.Add($"{fits[s].Name}: {c.Message ?? $"output '{e.Name}' max abs diff {NumberText.Short(c.MaxAbs)}"}");
            }
        }
        if (failures.Count > 0)
        {
            var message = $"target '{target}' ({runner.Runtime}) differs from the ONNX artifact on {source} ({tolerance}): {string.Join("; ", failures.Take(3))}";
            diagnostics.Add(Diagnostic.Format(request.SourcePath, "error", DiagnosticCode.GateFailed, message));
            return new TargetVerification(target, TargetStatus.Failed, message) { Code = DiagnosticCode.GateFailed, MaxAbsDiff = maxAbs };
        }
        if (nearMiss)
            diagnostics.Add(Diagnostic.Format(request.SourcePath, "warning", DiagnosticCode.NearMiss, $"target '{target}' ({runner.Runtime}): max abs diff {NumberText.Short(maxAbs)} is close to {tolerance}"));
        return new TargetVerification(target, TargetStatus.Verified, $"outputs match the ONNX artifact on {source}, {setsText}")
        {
            Runtime = runner.Runtime,
            ComparedWith = $"ONNX Runtime on the ONNX artifact, {setsText}",
            MaxAbsDiff = maxAbs,
        };
    }

    /// <summary>The ONNX artifact's status, which is the gate's verdict against the reference data.</summary>
    private static TargetVerification OnnxStatus(VerificationReport? report, IReadOnlyList<string> files)
    {
        if (report is null) return new TargetVerification(Target.Onnx, TargetStatus.NotChecked, "--no-verify") { Files = files };
        if (report.Status == VerificationStatus.NotChecked)
            return new TargetVerification(Target.Onnx, TargetStatus.NotChecked, report.SummaryLine()) { Files = files, Code = report.Code };
        if (!report.Passed)
            return new TargetVerification(Target.Onnx, TargetStatus.Failed, report.SummaryLine()) { Files = files, Code = report.Code };
        return new TargetVerification(Target.Onnx, TargetStatus.Verified, report.SummaryLine())
        {
            Files = files,
            Runtime = "onnxruntime " + report.OrtVersion,
            ComparedWith = report.ReferenceFile is null ? null : Path.GetFileName(report.ReferenceFile),
            MaxAbsDiff = report.Comparisons.Select(c => c.Comparison.MaxAbs).DefaultIfEmpty(0).Max(),
        };
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

    /// <summary>
    /// The output folder and each target's file name. One target: <c>-o</c> is the artifact file (unless it is an
    /// existing folder or ends in a separator). Several: <c>-o</c> is a folder holding <c>&lt;stem&gt;.onnx</c>,
    /// <c>&lt;stem&gt;.ort</c>, <c>&lt;stem&gt;.engine</c>, … with the source's stem. The ONNX artifact always has a
    /// name, since every target is made from it, even when only its derivatives are kept.
    /// </summary>
    internal static (string Directory, Dictionary<string, string> FileNames) ResolveOutputs(ConversionRequest request, IReadOnlyList<string> targets)
    {
        var output = Path.GetFullPath(request.OutputPath);
        bool isFolder = Directory.Exists(output) || request.OutputPath.EndsWith('/') || request.OutputPath.EndsWith('\\') || targets.Count > 1;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string directory, stem;
        if (isFolder)
        {
            directory = output;
            stem = Path.GetFileNameWithoutExtension(request.SourcePath);
        }
        else
        {
            directory = Path.GetDirectoryName(output)!;
            stem = Path.GetFileNameWithoutExtension(output);
            names[targets[0]] = Path.GetFileName(output);
        }
        foreach (var target in targets.Append(Target.Onnx))
            names.TryAdd(target, stem + (target == Target.Onnx ? ".onnx" : TargetExporters.All[target].DefaultExtension));
        return (directory, names);
    }

    internal static void CreateDirectory(string directory)
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
}
