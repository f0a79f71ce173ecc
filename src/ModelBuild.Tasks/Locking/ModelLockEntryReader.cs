using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;

namespace ModelBuild.Tasks.Locking;

/// <summary>
/// Makes the lock entry of one resolved asset (a <c>_ModelBuild_Asset</c> item) from the files its last
/// conversion left: the one rule shared by the build's ModelBuildLock task and <c>modelbuild lock</c>, so the
/// two can never disagree about what "drift" means. It only hashes files.
/// </summary>
internal sealed class ModelLockEntryReader
{
    private readonly string _projectDirectory;
    private readonly string _converterVersion;
    private readonly Action<string> _note;

    /// <param name="note">Told, in a sentence, what could not be read (an unreadable report); never fatal.</param>
    public ModelLockEntryReader(string projectDirectory, string converterPath, Action<string> note)
    {
        _projectDirectory = projectDirectory;
        _converterVersion = ConverterVersion(converterPath);
        _note = note;
    }

    /// <summary>The converter version the entries record (SemVer, without build metadata).</summary>
    public string ConverterVersionText => _converterVersion;

    /// <summary>Null when the asset has no main artifact: it was never converted, or its conversion failed.</summary>
    public ModelLockEntry? Read(ITaskItem asset)
    {
        var outputDirectory = asset.GetMetadata(Metadata.OutputDirectory);
        var targets = TargetFormats.Split(asset.GetMetadata(Metadata.Targets));
        var made = ArtifactPaths.All(outputDirectory, asset.ItemSpec, targets).Where(a => ArtifactPaths.Exists(a.Path)).ToArray();
        if (!made.Any(a => !a.IsCompanion)) return null;

        var entry = new ModelLockEntry
        {
            Source = Relative(asset.ItemSpec),
            SourceSha256 = FileHashes.Sha256(asset.ItemSpec),
            Converter = _converterVersion,
            ConverterVersions = asset.GetMetadata(Metadata.ConverterVersions).Trim(),
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

    /// <summary>
    /// True when the asset's inputs (model, reference, architecture, options stamp) are newer than its last
    /// conversion: its artifacts are those of an older build, and a lock written from them would be a lie.
    /// </summary>
    public static bool IsStale(ITaskItem asset)
    {
        var converted = asset.GetMetadata(Metadata.ConvertedStamp);
        if (converted.Length == 0 || !File.Exists(converted)) return true;
        var stamp = File.GetLastWriteTimeUtc(converted);
        return new[] { asset.ItemSpec, asset.GetMetadata(Metadata.ReferenceFullPath), asset.GetMetadata(Metadata.ArchitectureFullPath), asset.GetMetadata(Metadata.StampFile) }
            .Where(p => p.Length > 0 && File.Exists(p))
            .Any(p => File.GetLastWriteTimeUtc(p) > stamp);
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
            if (report.TryGetValue("targets", out var targets) && targets is List<object?> targetList)
            {
                foreach (var item in targetList)
                {
                    if (item is not Dictionary<string, object?> t || !t.TryGetValue("target", out var name) || name is not string targetName) continue;
                    var locked = new LockedTarget { Status = t.TryGetValue("summary", out var st) && st is string statusText ? statusText : "" };
                    if (t.TryGetValue("properties", out var properties) && properties is Dictionary<string, object?> propertyMap)
                        foreach (var property in propertyMap) locked.Properties[property.Key] = property.Value as string ?? "";
                    entry.Targets[targetName] = locked;
                }
            }
        }
        catch (FormatException e)
        {
            _note($"the report {path} cannot be read for the lock ({e.Message})");
        }
    }

    /// <summary>
    /// The converter's product version without SemVer build metadata: '+commit' changes with every commit of
    /// ModelBuild and says nothing about the bytes it produces.
    /// </summary>
    private static string ConverterVersion(string converterPath)
    {
        if (converterPath.Length == 0 || !File.Exists(converterPath)) return "";
        var info = FileVersionInfo.GetVersionInfo(converterPath);
        var version = info.ProductVersion ?? info.FileVersion ?? "";
        var plus = version.IndexOf('+');
        return plus >= 0 ? version.Substring(0, plus) : version;
    }

    private string Relative(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_projectDirectory, path));
        var root = Path.GetFullPath(_projectDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var relative = full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length) : full;
        return relative.Replace('\\', '/');
    }
}
