using System.Collections.Generic;
using System.Linq;
using ModelBuild.Tasks.Diagnostics;

namespace ModelBuild.Tasks.Locking;

/// <summary>
/// Compares a locked entry with this build's and says, per kind of drift, exactly what changed: the message
/// is the only thing a CI log shows, so it names the old and the new value.
/// </summary>
internal static class ModelLockComparer
{
    public static IEnumerable<Problem> Compare(ModelLockEntry locked, ModelLockEntry current)
    {
        if (locked.SourceSha256 != current.SourceSha256)
            yield return new Problem(TaskDiagnosticCode.LockSourceChanged, $"the model file changed: sha256 {Short(locked.SourceSha256)} in the lock, {Short(current.SourceSha256)} now");

        var optionNames = locked.Options.Keys.Union(current.Options.Keys).OrderBy(k => k, System.StringComparer.Ordinal);
        foreach (var name in optionNames)
        {
            locked.Options.TryGetValue(name, out var was);
            current.Options.TryGetValue(name, out var now);
            if ((was ?? "") == (now ?? "")) continue;
            var code = name.EndsWith("Sha256", System.StringComparison.Ordinal) ? TaskDiagnosticCode.LockSourceChanged : TaskDiagnosticCode.LockOptionsChanged;
            yield return new Problem(code, $"{name} changed: '{Show(was)}' in the lock, '{Show(now)}' now");
        }

        if (locked.Converter != current.Converter && !ConverterVersionRange.Accepts(current.ConverterVersions, locked.Converter, current.Converter))
            yield return new Problem(TaskDiagnosticCode.LockToolchainChanged, $"the converter changed: {Show(locked.Converter)} in the lock, {Show(current.Converter)} now{ConverterVersionRange.Explain(current.ConverterVersions)}");
        if (locked.OnnxRuntime != current.OnnxRuntime)
            yield return new Problem(TaskDiagnosticCode.LockToolchainChanged, $"ONNX Runtime changed: {Show(locked.OnnxRuntime)} in the lock, {Show(current.OnnxRuntime)} now");

        foreach (var file in locked.Artifacts.Keys.Union(current.Artifacts.Keys).OrderBy(k => k, System.StringComparer.Ordinal))
        {
            locked.Artifacts.TryGetValue(file, out var was);
            current.Artifacts.TryGetValue(file, out var now);
            if (was is null || now is null)
            {
                yield return new Problem(TaskDiagnosticCode.LockArtifactChanged, was is null ? $"artifact '{file}' is new (not in the lock)" : $"artifact '{file}' is in the lock but no longer produced");
                continue;
            }
            if (was.Sha256 != now.Sha256 || was.Size != now.Size)
                yield return new Problem(TaskDiagnosticCode.LockArtifactChanged,
                    $"artifact '{file}' ({now.Target}) changed: sha256 {Short(was.Sha256)}, {was.Size} bytes in the lock; sha256 {Short(now.Sha256)}, {now.Size} bytes now");
        }
    }

    private static string Short(string hash) => hash.Length > 12 ? hash.Substring(0, 12) + "…" : (hash.Length == 0 ? "(none)" : hash);

    private static string Show(string? value) => string.IsNullOrEmpty(value) ? "(none)" : value!;
}
