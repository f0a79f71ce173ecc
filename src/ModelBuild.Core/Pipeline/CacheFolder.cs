namespace ModelBuild.Core.Pipeline;

/// <summary>Where toolchain caches live (TensorRT's timing cache): <c>--cache-dir</c>, <c>MODELBUILD_CACHE_DIR</c>, then the user cache folder.</summary>
public static class CacheFolder
{
    public const string Variable = "MODELBUILD_CACHE_DIR";

    public static string Resolve(string? requested)
    {
        if (!string.IsNullOrEmpty(requested)) return Path.GetFullPath(requested);
        var fromVariable = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(fromVariable)) return Path.GetFullPath(fromVariable);
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrEmpty(xdg) ? xdg
            : OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "modelbuild");
    }
}
