using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ModelBuild.Tasks;

/// <summary>
/// Generates <c>ModelAssets.&lt;AccessorName&gt;</c> for each asset. It needs item metadata only (plus the
/// converter's signature file when one exists), so design-time builds get the types without converting,
/// and it writes a file only when its text changed, so a no-op build leaves CoreCompile skipped.
/// </summary>
public sealed class ModelBuildGenerateAccessor : Task
{
    /// <summary><c>_ModelBuild_Asset</c> items from <see cref="ModelBuildResolveAssets"/>.</summary>
    [Required]
    public ITaskItem[] Assets { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Folder for the generated files, under the per-framework intermediate folder.</summary>
    [Required]
    public string OutputDirectory { get; set; } = "";

    public string RootNamespace { get; set; } = "";

    [Output]
    public ITaskItem[] GeneratedFiles { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        var ns = AccessorWriter.SafeNamespace(RootNamespace);
        var files = new List<ITaskItem>();
        Directory.CreateDirectory(OutputDirectory);
        var common = Path.Combine(OutputDirectory, "ModelAssets.g.cs");
        WriteIfChanged(common, AccessorWriter.Common(ns));
        files.Add(new TaskItem(common));
        foreach (var asset in Assets)
        {
            var model = ModelOf(asset);
            var path = Path.Combine(OutputDirectory, "ModelAssets." + model.AccessorName + ".g.cs");
            WriteIfChanged(path, AccessorWriter.ForAsset(ns, model));
            files.Add(new TaskItem(path));
        }
        GeneratedFiles = files.ToArray();
        return !Log.HasLoggedErrors;
    }

    private AccessorModel ModelOf(ITaskItem asset)
    {
        var targets = TargetFormats.Split(asset.GetMetadata(Metadata.Targets));
        var model = new AccessorModel
        {
            AccessorName = asset.GetMetadata(Metadata.AccessorName),
            SourceDisplayPath = asset.GetMetadata(Metadata.RelativePath),
            Format = asset.GetMetadata(Metadata.Format) is { Length: > 0 } format ? format : targets.FirstOrDefault() ?? TargetFormats.Onnx,
            ResourceName = asset.GetMetadata(Metadata.ResourceName),
            RelativePath = asset.GetMetadata(Metadata.TargetPath),
            Embed = string.Equals(asset.GetMetadata(Metadata.Embed), "true", StringComparison.OrdinalIgnoreCase),
            Copied = !string.Equals(asset.GetMetadata(Metadata.CopyToOutputDirectory), "Never", StringComparison.OrdinalIgnoreCase),
        };
        SignatureFile? signature;
        try
        {
            signature = SignatureFile.TryRead(asset.GetMetadata(Metadata.SignatureFile));
        }
        catch (FormatException e)
        {
            // The accessor still works without names; a bad sidecar is the converter's defect, not the user's.
            var code = Diagnostics.TaskDiagnosticCode.SignatureUnreadable;
            Log.LogWarning(null, code.Id, null, code.HelpLink, asset.ItemSpec, 0, 0, 0, 0,
                $"the converter's signature file '{asset.GetMetadata(Metadata.SignatureFile)}' cannot be read ({e.Message}); the accessor lists no inputs or outputs");
            signature = null;
        }
        if (signature is not null)
        {
            model.Inputs = signature.Inputs;
            model.Outputs = signature.Outputs;
        }
        else if (InputsSyntax.TryParse(asset.GetMetadata(Metadata.Inputs), out var inputs, out _))
        {
            model.Inputs = inputs;
        }
        return model;
    }

    private void WriteIfChanged(string path, string text)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        if (File.Exists(path) && File.ReadAllBytes(path).SequenceEqual(bytes)) return;
        File.WriteAllBytes(path, bytes);
        Log.LogMessage(MessageImportance.Low, "ModelBuild: wrote {0}", path);
    }
}
