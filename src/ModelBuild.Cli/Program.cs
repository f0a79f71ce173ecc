using ModelBuild.Cli.Commands;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Pipeline;

namespace ModelBuild.Cli;

/// <summary>
/// The <c>modelbuild</c> command. Every failure leaves as one canonical MSBuild line on stderr and an exit
/// code from the contract; a stack trace is never the answer a user gets.
/// </summary>
internal static class Program
{
    public const string Help = """
        modelbuild — trained models as build inputs for .NET

        Usage: modelbuild <command> [options]

        Commands:
          convert   Convert a model to ONNX and gate it on numeric equivalence with reference outputs.
          verify    Run an ONNX model and compare its outputs with reference data.
          inspect   Show what a model or tensor file holds.
          golden    Record reference outputs of a TorchScript model with PyTorch (needs Python with torch).
          lock      Show a project's ModelAsset items and check (or --update) its models.lock.json.

        Run 'modelbuild <command> --help' for a command's options.
        Exit codes: 0 success; 1 equivalence gate failed; 2 bad usage or invalid input;
                    3 unsupported model feature; 4 internal error.
        """;

    private static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
            {
                stdout.WriteLine(Help);
                return args.Count == 0 ? (int)ExitCode.InvalidInput : 0;
            }
            if (args[0] == "--version")
            {
                stdout.WriteLine(ConverterVersion.Current);
                return 0;
            }
            var rest = args.Skip(1).ToArray();
            return args[0] switch
            {
                "convert" => ConvertCommand.Run(rest, stdout, stderr),
                "verify" => VerifyCommand.Run(rest, stdout, stderr),
                "inspect" => InspectCommand.Run(rest, stdout),
                "golden" => GoldenCommand.Run(rest, stdout),
                "lock" => LockCommand.Run(rest, stdout, stderr),
                _ => throw new ModelBuildException(DiagnosticCode.UsageError, null, $"unknown command '{args[0]}'; expected convert, verify, inspect, golden or lock (see 'modelbuild --help')"),
            };
        }
        catch (ModelBuildException e)
        {
            stderr.WriteLine(e.ToCanonical());
            return (int)e.ExitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Disk full, permission denied, a file locked by another process: the environment, not the model.
            stderr.WriteLine(Diagnostic.Format(null, "error", DiagnosticCode.OutputNotWritable, $"{e.GetType().Name}: {e.Message}"));
            return (int)ExitCode.InvalidInput;
        }
        catch (Exception e)
        {
            // A defect of ours. The type and message go to the user with a code; the trace only on request.
            stderr.WriteLine(Diagnostic.Format(null, "error", DiagnosticCode.InternalError,
                $"internal error ({e.GetType().Name}: {e.Message}). Please report it with the model if you can; set MODELBUILD_TRACE=1 for the stack trace."));
            if (Environment.GetEnvironmentVariable("MODELBUILD_TRACE") == "1") stderr.WriteLine(e);
            return (int)ExitCode.Internal;
        }
    }
}
