using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using ModelBuild.Tasks.Diagnostics;

namespace ModelBuild.Tasks;

/// <summary>
/// Turns one ModelAsset item into a <see cref="ResolvedModelAsset"/>: applies the defaults that need code
/// (accessor name, reference beside the model), checks every value and collects <em>all</em> problems, so a
/// user fixes a project in one round instead of one error per build.
/// </summary>
internal sealed class ModelAssetResolver
{
    private static readonly string[] CopyModes = { "Never", "Always", "PreserveNewest", "IfDifferent" };

    private readonly string _projectDirectory;
    private readonly string _outputRoot;
    private readonly string _converterIdentity;

    /// <param name="projectDirectory">Relative metadata paths are relative to it, as MSBuild's own are.</param>
    /// <param name="outputRoot">Folder under which each asset gets its own artifact folder.</param>
    /// <param name="converterIdentity">Converter version (and path) written into each options stamp.</param>
    public ModelAssetResolver(string projectDirectory, string outputRoot, string converterIdentity)
    {
        _projectDirectory = projectDirectory;
        _outputRoot = outputRoot;
        _converterIdentity = converterIdentity;
    }

    public ResolvedModelAsset Resolve(ITaskItem item, List<Problem> problems)
    {
        var asset = new ResolvedModelAsset();
        asset.SourceFullPath = FullPath(item.ItemSpec);
        if (!File.Exists(asset.SourceFullPath))
            problems.Add(new Problem(TaskDiagnosticCode.ModelFileNotFound, $"the model file '{item.ItemSpec}' does not exist (looked for {asset.SourceFullPath})"));

        asset.AccessorName = ResolveAccessorName(item, problems);
        asset.Targets = ResolveTargets(item.GetMetadata(Metadata.Targets), problems);
        asset.OptionalTargets = ResolveOptionalTargets(item, asset.Targets, problems);
        asset.Inputs = ResolveInputs(item.GetMetadata(Metadata.Inputs), asset, problems);
        asset.Reference = ResolveReference(item.GetMetadata(Metadata.Reference), asset.SourceFullPath, problems);
        asset.Atol = CheckTolerance(Metadata.Atol, item.GetMetadata(Metadata.Atol), problems);
        asset.Rtol = CheckTolerance(Metadata.Rtol, item.GetMetadata(Metadata.Rtol), problems);
        asset.Opset = CheckOpset(item.GetMetadata(Metadata.Opset), problems);
        asset.Precision = CheckPrecision(item.GetMetadata(Metadata.Precision), problems);
        asset.ArchitectureFullPath = ResolveArchitecture(item.GetMetadata(Metadata.Architecture), problems);
        asset.Embed = ResolveEmbed(item.GetMetadata(Metadata.Embed), problems);
        asset.CopyToOutputDirectory = ResolveCopyMode(item.GetMetadata(Metadata.CopyToOutputDirectory), problems);
        asset.ConverterVersions = item.GetMetadata(Metadata.ConverterVersions).Trim();
        if (Locking.ConverterVersionRange.Validate(asset.ConverterVersions) is { } rangeProblem)
            problems.Add(new Problem(TaskDiagnosticCode.InvalidConverterVersions, rangeProblem));

        asset.OutputDirectory = Path.Combine(_outputRoot, asset.AccessorName) + Path.DirectorySeparatorChar;
        asset.Artifacts = ArtifactPaths.For(asset.OutputDirectory, asset.SourceFullPath, asset.Targets);
        asset.SignatureFile = ArtifactPaths.SignatureFile(asset.OutputDirectory, asset.SourceFullPath);
        asset.StampFile = Path.Combine(asset.OutputDirectory, "options.stamp");
        asset.StampContent = StampOf(asset);
        return asset;
    }

    private string FullPath(string path) => Path.GetFullPath(Path.Combine(_projectDirectory, path));

    private static string ResolveAccessorName(ITaskItem item, List<Problem> problems)
    {
        var given = item.GetMetadata(Metadata.AccessorName).Trim();
        if (given.Length == 0) return AccessorNames.FromFileName(item.GetMetadata(Metadata.Filename));
        if (!AccessorNames.IsIdentifier(given))
            problems.Add(new Problem(TaskDiagnosticCode.InvalidAccessorName, $"AccessorName '{given}' is not a C# identifier (letters, digits and '_', not starting with a digit)"));
        return AccessorNames.IsIdentifier(given) ? given : AccessorNames.FromFileName(given);
    }

    private static IReadOnlyList<string> ResolveTargets(string text, List<Problem> problems)
    {
        var targets = TargetFormats.Split(text.Length == 0 ? TargetFormats.Onnx : text);
        if (targets.Count == 0)
        {
            problems.Add(new Problem(TaskDiagnosticCode.UnknownTarget, "Targets is empty; expected one or more of: " + string.Join(", ", TargetFormats.Known)));
            return new[] { TargetFormats.Onnx };
        }
        foreach (var target in targets.Where(t => !TargetFormats.IsKnown(t)))
            problems.Add(new Problem(TaskDiagnosticCode.UnknownTarget, $"unknown target '{target}' in Targets=\"{text}\"; expected one or more of: {string.Join(", ", TargetFormats.Known)}"));
        return targets;
    }

    private static IReadOnlyList<string> ResolveOptionalTargets(ITaskItem item, IReadOnlyList<string> targets, List<Problem> problems)
    {
        var listed = TargetFormats.Split(item.GetMetadata(Metadata.OptionalTargets));
        foreach (var target in listed.Where(t => !TargetFormats.IsKnown(t)))
            problems.Add(new Problem(TaskDiagnosticCode.UnknownTarget, $"unknown target '{target}' in OptionalTargets; expected one or more of: {string.Join(", ", TargetFormats.Known)}"));
        // Optional="true": every target whose toolchain may be missing; ONNX is always made, never optional.
        if (string.Equals(item.GetMetadata(Metadata.Optional).Trim(), "true", StringComparison.OrdinalIgnoreCase))
            listed = listed.Concat(targets.Where(t => t != TargetFormats.Onnx)).Distinct().ToArray();
        return listed.Where(TargetFormats.IsKnown).ToArray();
    }

    private static IReadOnlyList<string> ResolveInputs(string text, ResolvedModelAsset asset, List<Problem> problems)
    {
        if (text.Trim().Length == 0) return new string[0];
        if (!InputsSyntax.TryParse(text, out var signatures, out var error))
        {
            problems.Add(new Problem(TaskDiagnosticCode.MalformedInputs, $"Inputs=\"{text}\": {error}"));
            return new string[0];
        }
        asset.InputSignatures = signatures;
        return InputsSyntax.Entries(text);
    }

    private string ResolveReference(string text, string sourceFullPath, List<Problem> problems)
    {
        text = text.Trim();
        if (string.Equals(text, "none", StringComparison.OrdinalIgnoreCase)) return "none";
        if (text.Length == 0)
        {
            // DESIGN's default, resolved here (not only in the converter) so the file is an Input of the
            // convert target and editing it re-runs the gate.
            var stem = Path.Combine(Path.GetDirectoryName(sourceFullPath) ?? "", Path.GetFileNameWithoutExtension(sourceFullPath));
            return new[] { stem + ".ref.npz", stem + ".ref.safetensors" }.FirstOrDefault(File.Exists) ?? "";
        }
        var full = FullPath(text);
        if (!File.Exists(full))
        {
            problems.Add(new Problem(TaskDiagnosticCode.ReferenceUnreadable, $"the reference data file '{text}' does not exist (looked for {full}); set Reference=\"none\" to run the gate without one"));
            return full;
        }
        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read);
            stream.ReadByte();
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            problems.Add(new Problem(TaskDiagnosticCode.ReferenceUnreadable, $"the reference data file '{text}' cannot be read: {e.Message}"));
        }
        return full;
    }

    private string ResolveArchitecture(string text, List<Problem> problems)
    {
        text = text.Trim();
        if (text.Length == 0) return "";
        var full = FullPath(text);
        if (!File.Exists(full))
            problems.Add(new Problem(TaskDiagnosticCode.ArchitectureNotFound, $"the Architecture file '{text}' does not exist (looked for {full})"));
        return full;
    }

    private static string CheckTolerance(string name, string text, List<Problem> problems)
    {
        text = text.Trim();
        foreach (var entry in text.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            var eq = entry.IndexOf('=');
            var number = eq >= 0 ? entry.Substring(eq + 1).Trim() : entry;
            var output = eq >= 0 ? entry.Substring(0, eq).Trim() : "x";
            if (output.Length == 0 || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || double.IsNaN(value) || double.IsInfinity(value))
            {
                problems.Add(new Problem(TaskDiagnosticCode.InvalidTolerance, $"{name}=\"{text}\": '{entry}' is not a non-negative number or 'output=number' (e.g. 1e-4;logits=1e-3)"));
                break;
            }
        }
        return text;
    }

    private static string CheckOpset(string text, List<Problem> problems)
    {
        text = text.Trim();
        if (text.Length == 0) return "";
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var opset) || opset <= 0)
            problems.Add(new Problem(TaskDiagnosticCode.InvalidOpset, $"Opset=\"{text}\" is not a positive whole number (e.g. 17)"));
        return text;
    }

    private static string CheckPrecision(string text, List<Problem> problems)
    {
        text = text.Trim().ToLowerInvariant();
        if (text.Length == 0) return "fp32";
        if (text != "fp32" && text != "fp16")
            problems.Add(new Problem(TaskDiagnosticCode.InvalidPrecision, $"Precision=\"{text}\" is not one of: fp32, fp16"));
        return text;
    }

    private static bool ResolveEmbed(string text, List<Problem> problems)
    {
        text = text.Trim();
        if (text.Length == 0 || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)) return true;
        if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase)) return false;
        problems.Add(new Problem(TaskDiagnosticCode.InvalidEmbedding, $"Embed=\"{text}\" is not true or false"));
        return true;
    }

    private static string ResolveCopyMode(string text, List<Problem> problems)
    {
        text = text.Trim();
        if (text.Length == 0) return "Never";
        var mode = CopyModes.FirstOrDefault(m => string.Equals(m, text, StringComparison.OrdinalIgnoreCase));
        if (mode is null)
        {
            problems.Add(new Problem(TaskDiagnosticCode.InvalidEmbedding, $"CopyToOutputDirectory=\"{text}\" is not one of: {string.Join(", ", CopyModes)}"));
            return "Never";
        }
        return mode;
    }

    private string StampOf(ResolvedModelAsset asset)
    {
        // Paths are written as given to the converter; AccessorName, Embed and CopyToOutputDirectory are left
        // out because they change how an artifact reaches the app, not the artifact.
        var text = new StringBuilder();
        text.Append("converter=").Append(_converterIdentity).Append('\n');
        text.Append("targets=").Append(string.Join(",", asset.Targets)).Append('\n');
        text.Append("optional=").Append(string.Join(",", asset.OptionalTargets)).Append('\n');
        foreach (var input in asset.Inputs) text.Append("input=").Append(input).Append('\n');
        text.Append("reference=").Append(asset.Reference).Append('\n');
        text.Append("atol=").Append(asset.Atol).Append('\n');
        text.Append("rtol=").Append(asset.Rtol).Append('\n');
        text.Append("opset=").Append(asset.Opset).Append('\n');
        text.Append("precision=").Append(asset.Precision).Append('\n');
        text.Append("architecture=").Append(asset.ArchitectureFullPath).Append('\n');
        return text.ToString();
    }
}
