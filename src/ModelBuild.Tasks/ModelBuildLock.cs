using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ModelBuild.Tasks.Diagnostics;
using ModelBuild.Tasks.Locking;

namespace ModelBuild.Tasks;

/// <summary>
/// Keeps <c>models.lock.json</c> beside the project. In locked mode (CI) any difference between the lock and
/// this build fails with an MBLD40xx error that says what changed and how to accept it; otherwise, or with
/// <c>ModelBuildUpdateLock=true</c>, the lock is rewritten when it differs, as NuGet treats
/// packages.lock.json. It runs in the task (not in the converter) because only the build knows the whole
/// set of assets, and it only hashes files: the targets run it only when an artifact, a stamp or the lock
/// itself changed.
/// </summary>
public sealed class ModelBuildLock : Task
{
    // 'modelbuild lock --update' (DESIGN) is not written yet; the message names only what works today.
    private const string Fix = " If this change is intended, accept it with 'dotnet build -p:ModelBuildUpdateLock=true' and commit " + ModelLockFormat.FileName + ".";

    [Required]
    public ITaskItem[] Assets { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string ProjectDirectory { get; set; } = "";

    [Required]
    public string LockFile { get; set; } = "";

    /// <summary>The converter whose version the lock records.</summary>
    public string ConverterPath { get; set; } = "";

    public bool LockedMode { get; set; }

    public bool UpdateLock { get; set; }

    public override bool Execute()
    {
        var current = new List<ModelLockEntry>();
        foreach (var asset in Assets)
        {
            var entry = EntryOf(asset);
            // An asset without its artifacts failed to convert and said so; the lock waits for a good build.
            if (entry is null) return !Log.HasLoggedErrors;
            current.Add(entry);
        }

        if (LockedMode && !UpdateLock) return Check(current);

        var text = ModelLockFormat.Render(current);
        var existing = File.Exists(LockFile) ? File.ReadAllText(LockFile) : null;
        if (existing == text) return true;
        File.WriteAllText(LockFile, text, new UTF8Encoding(false));
        Log.LogMessage(MessageImportance.High, "ModelBuild: wrote {0} ({1} asset(s)).", LockFile, current.Count);
        return true;
    }

    private bool Check(IReadOnlyList<ModelLockEntry> current)
    {
        if (!File.Exists(LockFile))
        {
            Error(TaskDiagnosticCode.LockEntryMissing, $"locked mode, but there is no {ModelLockFormat.FileName} for {string.Join(", ", current.Select(c => "'" + c.Source + "'"))}.{Fix}");
            return false;
        }
        IReadOnlyDictionary<string, ModelLockEntry> locked;
        try
        {
            locked = ModelLockFormat.Parse(File.ReadAllText(LockFile));
        }
        catch (FormatException e)
        {
            Error(TaskDiagnosticCode.LockUnreadable, $"{ModelLockFormat.FileName} cannot be read: {e.Message}.{Fix}");
            return false;
        }
        foreach (var entry in current)
        {
            if (!locked.TryGetValue(entry.Source, out var lockedEntry))
            {
                Error(TaskDiagnosticCode.LockEntryMissing, $"ModelAsset '{entry.Source}' has no entry in {ModelLockFormat.FileName}.{Fix}");
                continue;
            }
            foreach (var problem in ModelLockComparer.Compare(lockedEntry, entry))
                Error(problem.Code, $"ModelAsset '{entry.Source}': {problem.Message}.{Fix}");
        }
        foreach (var stale in locked.Keys.Except(current.Select(c => c.Source), StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal))
            Error(TaskDiagnosticCode.LockEntryStale, $"'{stale}' is locked but no ModelAsset declares it any more.{Fix}");
        return !Log.HasLoggedErrors;
    }

    private ModelLockEntry? EntryOf(ITaskItem asset)
    {
        var outputDirectory = asset.GetMetadata(Metadata.OutputDirectory);
        var targets = TargetFormats.Split(asset.GetMetadata(Metadata.Targets));
        var made = ArtifactPaths.All(outputDirectory, asset.ItemSpec, targets).Where(a => ArtifactPaths.Exists(a.Path)).ToArray();
        if (!made.Any(a => !a.IsCompanion)) return null;

        var entry = new ModelLockEntry
        {
            Source = Relative(asset.ItemSpec),
            SourceSha256 = FileHashes.Sha256(asset.ItemSpec),
            Converter = ConverterVersion(),
        };
        var reference = asset.GetMetadata(Metadata.Reference);
        entry.Options["targets"] = string.Join(",", targets);
        entry.Options["inputs"] = asset.GetMetadata(Metadata.Inputs);
        entry.Options["reference"] = reference == "none" || reference.Length == 0 ? reference : Relative(reference);
        entry.Options["referenceSha256"] = File.Exists(reference) ? FileHashes.Sha256(reference) : "";
        entry.Options["atol"] = asset.GetMetadata(Metadata.Atol);
        entry.Options["rtol"] = asset.GetMetadata(Metadata.Rtol);
        entry.Options["opset"] = asset.GetMetadata(Metadata.Opset);
        entry.Options["precision"] = asset.GetMetadata(Metadata.Precision);
        var architecture = asset.GetMetadata(Metadata.ArchitectureFullPath);
        entry.Options["architecture"] = architecture.Length == 0 ? "" : Relative(architecture);
        entry.Options["architectureSha256"] = File.Exists(architecture) ? FileHashes.Sha256(architecture) : "";
        // A skipped target (its toolchain missing, with the converter's warning) has no file and no entry.
        foreach (var artifact in made)
        {
            var (hash, size) = artifact.IsFolder ? FileHashes.FolderSha256(artifact.Path) : (FileHashes.Sha256(artifact.Path), new FileInfo(artifact.Path).Length);
            entry.Artifacts[Path.GetFileName(artifact.Path)] = new LockedArtifact(artifact.Target, hash, size);
        }
        ReadReport(ArtifactPaths.ReportFile(outputDirectory, asset.ItemSpec), entry);
        return entry;
    }

    /// <summary>ONNX Runtime's version and the gate's outcome come from the converter's report.</summary>
    private void ReadReport(string path, ModelLockEntry entry)
    {
        if (!File.Exists(path)) return;
        try
        {
            if (MiniJson.Parse(File.ReadAllText(path)) is not Dictionary<string, object?> report) return;
            if (report.TryGetValue("onnxRuntime", out var ort) && ort is Dictionary<string, object?> o && o.TryGetValue("version", out var v) && v is string version)
                entry.OnnxRuntime = version;
            if (report.TryGetValue("status", out var status) && status is string s) entry.VerificationStatus = s;
            if (report.TryGetValue("summary", out var summary) && summary is string text) entry.VerificationSummary = text;
        }
        catch (FormatException e)
        {
            Log.LogMessage(MessageImportance.Normal, "ModelBuild: the report {0} cannot be read for the lock ({1}).", path, e.Message);
        }
    }

    /// <summary>
    /// The converter's product version without SemVer build metadata: '+commit' changes with every commit of
    /// ModelBuild and says nothing about the bytes it produces.
    /// </summary>
    private string ConverterVersion()
    {
        if (!File.Exists(ConverterPath)) return "";
        var info = FileVersionInfo.GetVersionInfo(ConverterPath);
        var version = info.ProductVersion ?? info.FileVersion ?? "";
        var plus = version.IndexOf('+');
        return plus >= 0 ? version.Substring(0, plus) : version;
    }

    private string Relative(string path)
    {
        var full = Path.GetFullPath(Path.Combine(ProjectDirectory, path));
        var root = Path.GetFullPath(ProjectDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var relative = full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length) : full;
        return relative.Replace('\\', '/');
    }

    private void Error(TaskDiagnosticCode code, string message) =>
        Log.LogError(null, code.Id, null, code.HelpLink, LockFile, 0, 0, 0, 0, message);
}
