using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ModelBuild.Tasks;

/// <summary>
/// Validates the project's ModelAsset items and predicts what converting each one produces (the way
/// Grpc.Tools' <c>ProtoCompilerOutputs</c> predicts protoc's files), so the convert target's
/// <c>Inputs</c>/<c>Outputs</c> can skip up-to-date models without starting the converter. Cheap and
/// side-effect free apart from the options stamps, so it also runs in design-time builds.
/// </summary>
public sealed class ModelBuildResolveAssets : Task
{
    /// <summary>The project's <c>@(ModelAsset)</c> items, defaults already applied by the item definition.</summary>
    [Required]
    public ITaskItem[] ModelAssets { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Folder for artifacts, shared by a project's target frameworks so each model converts once.</summary>
    [Required]
    public string OutputRoot { get; set; } = "";

    [Required]
    public string ProjectFullPath { get; set; } = "";

    /// <summary>Identity of the converter (version, path); a change re-converts every asset.</summary>
    public string ConverterIdentity { get; set; } = "";

    /// <summary>Prefix of embedded resource names: <c>ModelBuild/Net.onnx</c>.</summary>
    public string ResourcePrefix { get; set; } = "ModelBuild/";

    /// <summary>Folder inside the output directory for copied artifacts.</summary>
    public string CopyFolder { get; set; } = "models/";

    /// <summary>One item per asset (<c>_ModelBuild_Asset</c>), item spec = the model's full path.</summary>
    [Output]
    public ITaskItem[] Assets { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>One item per predicted artifact file (<c>_ModelBuild_Artifact</c>), with how it reaches the app.</summary>
    [Output]
    public ITaskItem[] Artifacts { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        var projectDirectory = Path.GetDirectoryName(ProjectFullPath) ?? "";
        var resolver = new ModelAssetResolver(projectDirectory, Path.GetFullPath(Path.Combine(projectDirectory, OutputRoot)), ConverterIdentity);
        var assets = new List<ITaskItem>();
        var artifacts = new List<ITaskItem>();
        var accessorOwners = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var item in ModelAssets)
        {
            var problems = new List<Problem>();
            var asset = resolver.Resolve(item, problems);
            if (accessorOwners.TryGetValue(asset.AccessorName, out var owner))
                problems.Add(new Problem(Diagnostics.TaskDiagnosticCode.DuplicateAccessorName,
                    $"AccessorName '{asset.AccessorName}' is already used by '{owner}'; set AccessorName=\"…\" on one of them"));
            else
                accessorOwners[asset.AccessorName] = item.ItemSpec;

            if (problems.Count > 0)
            {
                var location = ItemLocation.Of(item, ProjectFullPath);
                foreach (var problem in problems)
                    Log.LogError(null, problem.Code.Id, null, problem.Code.HelpLink, location.File, location.Line, location.Column, 0, 0,
                        $"ModelAsset '{item.ItemSpec}': {problem.Message}");
                continue;
            }

            WriteStampIfChanged(asset);
            assets.Add(ToItem(item, asset));
            foreach (var predicted in ArtifactPaths.All(asset.OutputDirectory, asset.SourceFullPath, asset.Targets))
            {
                var artifact = new TaskItem(predicted.Path);
                artifact.SetMetadata(Metadata.AccessorName, asset.AccessorName);
                artifact.SetMetadata(Metadata.Format, predicted.Target);
                artifact.SetMetadata(Metadata.LogicalName, ResourcePrefix + asset.AccessorName + predicted.Extension);
                artifact.SetMetadata(Metadata.TargetPath, CopyFolder + asset.AccessorName + predicted.Extension);
                artifact.SetMetadata(Metadata.IsFolder, predicted.IsFolder ? "true" : "false");
                artifact.SetMetadata(Metadata.Embed, asset.Embed ? "true" : "false");
                artifact.SetMetadata(Metadata.CopyToOutputDirectory, asset.CopyToOutputDirectory);
                artifacts.Add(artifact);
            }
        }

        Assets = assets.ToArray();
        Artifacts = artifacts.ToArray();
        return !Log.HasLoggedErrors;
    }

    private ITaskItem ToItem(ITaskItem source, ResolvedModelAsset asset)
    {
        var item = new TaskItem(asset.SourceFullPath);
        item.SetMetadata(Metadata.RelativePath, source.ItemSpec);
        item.SetMetadata(Metadata.AccessorName, asset.AccessorName);
        item.SetMetadata(Metadata.Targets, string.Join(";", asset.Targets));
        item.SetMetadata(Metadata.Inputs, string.Join(";", asset.Inputs));
        item.SetMetadata(Metadata.Reference, asset.Reference);
        item.SetMetadata(Metadata.ReferenceFullPath, asset.Reference == "none" ? "" : asset.Reference);
        item.SetMetadata(Metadata.Atol, asset.Atol);
        item.SetMetadata(Metadata.Rtol, asset.Rtol);
        item.SetMetadata(Metadata.Opset, asset.Opset);
        item.SetMetadata(Metadata.ConverterVersions, asset.ConverterVersions);
        item.SetMetadata(Metadata.Precision, asset.Precision);
        item.SetMetadata(Metadata.ArchitectureFullPath, asset.ArchitectureFullPath);
        item.SetMetadata(Metadata.Embed, asset.Embed ? "true" : "false");
        item.SetMetadata(Metadata.CopyToOutputDirectory, asset.CopyToOutputDirectory);
        item.SetMetadata(Metadata.OutputDirectory, asset.OutputDirectory);
        item.SetMetadata(Metadata.OutputFile, asset.Artifacts.FirstOrDefault() ?? "");
        item.SetMetadata(Metadata.SignatureFile, asset.SignatureFile);
        item.SetMetadata(Metadata.StampFile, asset.StampFile);
        item.SetMetadata(Metadata.ConvertedStamp, ArtifactPaths.ConvertedStamp(asset.OutputDirectory));
        item.SetMetadata(Metadata.OptionalTargets, string.Join(",", asset.OptionalTargets));
        // The accessor's stream is the first target that is a single file (a Core ML package is a folder).
        var primary = asset.Targets.FirstOrDefault(t => TargetFormats.IsKnown(t) && !TargetFormats.IsFolder(t)) ?? TargetFormats.Onnx;
        item.SetMetadata(Metadata.Format, primary);
        item.SetMetadata(Metadata.ResourceName, ResourcePrefix + asset.AccessorName + TargetFormats.ExtensionOf(primary));
        item.SetMetadata(Metadata.TargetPath, CopyFolder + asset.AccessorName + TargetFormats.ExtensionOf(primary));
        return item;
    }

    /// <summary>
    /// Rewrites the stamp only when the options changed, so its timestamp is a faithful "options changed"
    /// signal for the convert target's Inputs. Inner builds of a multi-targeted project may race here; both
    /// write the same bytes through a temporary file, and a loser that finds the right content is content.
    /// </summary>
    private void WriteStampIfChanged(ResolvedModelAsset asset)
    {
        var bytes = Encoding.UTF8.GetBytes(asset.StampContent);
        if (File.Exists(asset.StampFile) && File.ReadAllBytes(asset.StampFile).SequenceEqual(bytes)) return;
        Directory.CreateDirectory(asset.OutputDirectory);
        var temporary = asset.StampFile + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        try
        {
            if (File.Exists(asset.StampFile)) File.Delete(asset.StampFile);
            File.Move(temporary, asset.StampFile);
        }
        catch (IOException) when (File.Exists(asset.StampFile) && File.ReadAllBytes(asset.StampFile).SequenceEqual(bytes))
        {
            File.Delete(temporary);
        }
        Log.LogMessage(MessageImportance.Low, "ModelBuild: options of '{0}' changed; it will be converted again.", asset.SourceFullPath);
    }
}
