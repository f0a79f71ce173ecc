namespace ModelBuild.Cli.Tests;

/// <summary>Runs the <c>modelbuild</c> entry point in-process and captures what a user would see.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    public static Result Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Absolute path of a file under tests/fixtures, copied beside the test assembly.</summary>
    public static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "fixtures", relative);
}
