using ModelBuild.Core.Exporters;
using ModelBuild.Core.Exporters.TfLite;

namespace ModelBuild.Cli.Tests;

/// <summary>The repository's LiteRT.js runner (<c>tests/tflite-runner</c>, installed by <c>npm ci</c> in .ci/run) as Core locates it.</summary>
internal static class TfLiteRunnerFolder
{
    public static string Path { get; } = Find();

    public static TfLiteRuntimeLocation Location { get; } = TfLiteRuntime.Locate(Path, ToolEnvironment.Current);

    /// <summary>Null when Node and the pinned package are installed; else why a numeric TFLite check cannot run.</summary>
    public static string? UnavailableReason => Location.Found ? null : $"{Location.MissingReason}; to run this test, {Location.MissingHint}";

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ModelBuild.sln"))) return System.IO.Path.Combine(dir.FullName, "tests", "tflite-runner");
        throw new InvalidOperationException("ModelBuild.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs LiteRT.js under Node; reported skipped, with the reason, when it is not installed.</summary>
public sealed class TfLiteRuntimeFactAttribute : FactAttribute
{
    public TfLiteRuntimeFactAttribute()
    {
        if (TfLiteRunnerFolder.UnavailableReason is { } reason) Skip = reason;
    }
}
