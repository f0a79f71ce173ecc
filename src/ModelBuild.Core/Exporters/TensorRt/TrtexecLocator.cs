using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Exporters.TensorRt;

/// <summary>
/// Finds trtexec, first hit wins: <c>--trtexec</c>; <c>TRTEXEC_PATH</c> (the file); <c>TENSORRT_ROOT</c>,
/// <c>TRT_ROOT</c>, <c>TensorRT_ROOT</c> (<c>&lt;root&gt;/bin/trtexec</c>, tarball installs); PATH; the package
/// and container folders in <see cref="TensorRtLayout.WellKnownFolders"/>. Explicit settings come first so a user
/// can pick one of several installs; PATH before the fixed folders so an activated environment wins.
/// </summary>
public static class TrtexecLocator
{
    /// <summary>The trtexec found and where it was found (for the report), or null with the places searched.</summary>
    public static (string? Path, string Searched) Locate(ToolEnvironment tools, string? explicitPath)
    {
        if (explicitPath is not null)
        {
            if (!File.Exists(explicitPath))
                throw new ModelBuildException(DiagnosticCode.FileNotFound, explicitPath, $"--trtexec '{explicitPath}' does not exist.");
            return (System.IO.Path.GetFullPath(explicitPath), "--trtexec");
        }
        var fromVariable = tools.Variable(TensorRtLayout.TrtexecPathVariable);
        if (!string.IsNullOrEmpty(fromVariable) && File.Exists(fromVariable))
            return (System.IO.Path.GetFullPath(fromVariable), TensorRtLayout.TrtexecPathVariable);
        foreach (var variable in TensorRtLayout.RootVariables)
        {
            var root = tools.Variable(variable);
            if (string.IsNullOrEmpty(root)) continue;
            var found = ToolEnvironment.InFolder(System.IO.Path.Combine(root, "bin"), TensorRtLayout.Trtexec);
            if (found is not null) return (found, variable);
        }
        var onPath = tools.FindOnPath(TensorRtLayout.Trtexec);
        if (onPath is not null) return (onPath, "PATH");
        var wellKnown = tools.FindInWellKnownFolders(TensorRtLayout.Trtexec);
        if (wellKnown is not null) return (wellKnown, "well-known folder");
        var searched = $"{TensorRtLayout.TrtexecPathVariable}, {string.Join(", ", TensorRtLayout.RootVariables.Select(v => v + "/bin"))}, PATH, {string.Join(", ", tools.WellKnownFolders)}";
        return (null, searched);
    }
}
