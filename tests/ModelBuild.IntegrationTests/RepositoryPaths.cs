namespace ModelBuild.IntegrationTests;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixture(string relative) => Path.Combine(Root, "tests", "fixtures", relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ModelBuild.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("ModelBuild.sln not found above " + AppContext.BaseDirectory);
    }
}
