namespace ModelBuild.Core.Tests;

/// <summary>The repository's root folder, found from the test assembly by walking up to ModelBuild.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ModelBuild.sln"))) return dir.FullName;
        throw new InvalidOperationException("ModelBuild.sln not found above " + AppContext.BaseDirectory);
    }
}
