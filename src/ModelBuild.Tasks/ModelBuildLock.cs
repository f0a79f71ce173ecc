using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ModelBuild.Tasks.Locking;

namespace ModelBuild.Tasks;

/// <summary>
/// Keeps <c>models.lock.json</c> beside the project. In locked mode (CI) any difference between the lock and
/// this build fails with an MBLD40xx error that says what changed and how to accept it; otherwise, or with
/// <c>ModelBuildUpdateLock=true</c>, the lock is rewritten when it differs, as NuGet treats
/// packages.lock.json. It runs in the task (not in the converter) because only the build knows the whole
/// set of assets, and it only hashes files: the targets run it only when an artifact, a stamp or the lock
/// itself changed. Entries and checks are <see cref="ModelLockEntryReader"/> and <see cref="ModelLockCheck"/>,
/// shared with <c>modelbuild lock</c>.
/// </summary>
public sealed class ModelBuildLock : Task
{
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
        var reader = new ModelLockEntryReader(ProjectDirectory, ConverterPath, note => Log.LogMessage(MessageImportance.Normal, "ModelBuild: {0}.", note));
        var current = new List<ModelLockEntry>();
        foreach (var asset in Assets)
        {
            var entry = reader.Read(asset);
            // An asset without its artifacts failed to convert and said so; the lock waits for a good build.
            if (entry is null) return !Log.HasLoggedErrors;
            current.Add(entry);
        }

        if (LockedMode && !UpdateLock)
        {
            foreach (var (_, problem) in ModelLockCheck.Run(LockFile, current))
                Log.LogError(null, problem.Code.Id, null, problem.Code.HelpLink, LockFile, 0, 0, 0, 0, (File.Exists(LockFile) ? "" : "locked mode, but ") + problem.Message);
            return !Log.HasLoggedErrors;
        }

        var text = ModelLockFormat.Render(current);
        var existing = File.Exists(LockFile) ? File.ReadAllText(LockFile) : null;
        if (existing == text) return true;
        File.WriteAllText(LockFile, text, new UTF8Encoding(false));
        Log.LogMessage(MessageImportance.High, "ModelBuild: wrote {0} ({1} asset(s)).", LockFile, current.Count);
        return true;
    }
}
