using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Importers.PyTorch.Modules;

/// <summary>Builds the whole-module importer's errors: the file, the module's path and class, the attribute, and what is wrong.</summary>
internal static class ModuleThrowHelper
{
    /// <summary>How a module is named in messages: its path in the model (<c>features.0</c>, or <c>(root)</c>) and its class.</summary>
    public static string Describe(string path, string className) => $"module '{(path.Length == 0 ? "(root)" : path)}' ({className})";

    public static ModelBuildException Create(DiagnosticCode code, string file, string path, string className, string? attribute, string message) =>
        new(code, file, attribute is null
            ? $"{Describe(path, className)}: {message}"
            : $"{Describe(path, className)}, attribute '{attribute}': {message}");
}
