using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelBuild.Tasks.Diagnostics;

namespace ModelBuild.Tasks.Locking;

/// <summary>
/// Compares a project's <c>models.lock.json</c> with the entries of its current artifacts and says every
/// difference, each with its MBLD40xx code and how to accept it. Shared by the build's locked mode and
/// <c>modelbuild lock</c>, so both print the same findings.
/// </summary>
internal static class ModelLockCheck
{
    /// <summary>The sentence every lock error ends with: the two ways to accept an intended change.</summary>
    public const string Fix = " If this change is intended, accept it with 'dotnet build -p:ModelBuildUpdateLock=true' or 'modelbuild lock --update', and commit " + ModelLockFormat.FileName + ".";

    /// <summary>Each finding has the asset's source (empty for the lock as a whole) so callers can group per asset.</summary>
    public static IReadOnlyList<(string Source, Problem Problem)> Run(string lockFile, IReadOnlyList<ModelLockEntry> current)
    {
        var found = new List<(string, Problem)>();
        if (!File.Exists(lockFile))
        {
            found.Add(("", new Problem(TaskDiagnosticCode.LockEntryMissing, $"there is no {ModelLockFormat.FileName} for {string.Join(", ", current.Select(c => "'" + c.Source + "'"))}.{Fix}")));
            return found;
        }
        IReadOnlyDictionary<string, ModelLockEntry> locked;
        try
        {
            locked = ModelLockFormat.Parse(File.ReadAllText(lockFile));
        }
        catch (FormatException e)
        {
            found.Add(("", new Problem(TaskDiagnosticCode.LockUnreadable, $"{ModelLockFormat.FileName} cannot be read: {e.Message}.{Fix}")));
            return found;
        }
        foreach (var entry in current)
        {
            if (!locked.TryGetValue(entry.Source, out var lockedEntry))
            {
                found.Add((entry.Source, new Problem(TaskDiagnosticCode.LockEntryMissing, $"ModelAsset '{entry.Source}' has no entry in {ModelLockFormat.FileName}.{Fix}")));
                continue;
            }
            foreach (var problem in ModelLockComparer.Compare(lockedEntry, entry))
                found.Add((entry.Source, new Problem(problem.Code, $"ModelAsset '{entry.Source}': {problem.Message}.{Fix}")));
        }
        foreach (var stale in locked.Keys.Except(current.Select(c => c.Source), StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal))
            found.Add((stale, new Problem(TaskDiagnosticCode.LockEntryStale, $"'{stale}' is locked but no ModelAsset declares it any more.{Fix}")));
        return found;
    }
}
