namespace ModelBuild.Core.Exporters;

/// <summary>
/// Where external tools (trtexec, nvidia-smi) are looked for: environment variables and well-known install
/// folders. The process's own environment in production; tests pass their own so a fake tool on a private
/// PATH is found and a real one elsewhere on the machine is not.
/// </summary>
public sealed class ToolEnvironment
{
    public ToolEnvironment(Func<string, string?> variable, IReadOnlyList<string> wellKnownFolders)
    {
        Variable = variable;
        WellKnownFolders = wellKnownFolders;
    }

    /// <summary>The process environment and the install folders TensorRT's packages and tarballs use.</summary>
    public static ToolEnvironment Current { get; } = new(Environment.GetEnvironmentVariable, TensorRt.TensorRtLayout.WellKnownFolders);

    public Func<string, string?> Variable { get; }

    /// <summary>Folders searched after PATH; a <c>*</c> in the last-but-one segment matches versioned folders (<c>/usr/local/TensorRT*/bin</c>).</summary>
    public IReadOnlyList<string> WellKnownFolders { get; }

    /// <summary>How long one tool run may take before it is killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The first <paramref name="executable"/> on PATH, or null.</summary>
    public string? FindOnPath(string executable)
    {
        var path = Variable("PATH");
        if (string.IsNullOrEmpty(path)) return null;
        foreach (var folder in path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = InFolder(folder, executable);
            if (candidate is not null) return candidate;
        }
        return null;
    }

    /// <summary>The first <paramref name="executable"/> in <see cref="WellKnownFolders"/>, or null.</summary>
    public string? FindInWellKnownFolders(string executable)
    {
        foreach (var pattern in WellKnownFolders)
        {
            foreach (var folder in Expand(pattern))
            {
                var candidate = InFolder(folder, executable);
                if (candidate is not null) return candidate;
            }
        }
        return null;
    }

    /// <summary><paramref name="folder"/>/<paramref name="executable"/> (with .exe on Windows) when it exists.</summary>
    public static string? InFolder(string folder, string executable)
    {
        var candidate = System.IO.Path.Combine(folder, OperatingSystem.IsWindows() ? executable + ".exe" : executable);
        return File.Exists(candidate) ? System.IO.Path.GetFullPath(candidate) : null;
    }

    private static IEnumerable<string> Expand(string pattern)
    {
        if (!pattern.Contains('*')) return [pattern];
        // Only "<parent>/<prefix>*/<leaf>" is needed (TensorRT tarballs unpack to TensorRT-10.3.0.26/bin).
        var leaf = System.IO.Path.GetFileName(pattern);
        var versioned = System.IO.Path.GetDirectoryName(pattern)!;
        var parent = System.IO.Path.GetDirectoryName(versioned)!;
        if (!Directory.Exists(parent)) return [];
        // A fixed order (ordinal, descending) so the choice does not depend on how the file system lists folders.
        return Directory.GetDirectories(parent, System.IO.Path.GetFileName(versioned))
            .OrderDescending(StringComparer.Ordinal)
            .Select(d => System.IO.Path.Combine(d, leaf));
    }
}
