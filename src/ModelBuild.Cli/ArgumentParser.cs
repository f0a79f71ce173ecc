using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Cli;

/// <summary>
/// A deliberately small command-line parser. The contract fixes exit code 2 for bad usage and canonical
/// MBLD messages, which general-purpose parsers do not give, and the grammar is tiny:
/// positionals, <c>--name value</c>, <c>--name=value</c>, <c>-o value</c>, repeatable options and flags.
/// </summary>
internal sealed class ArgumentParser
{
    private readonly Dictionary<string, OptionSpec> _options = new(StringComparer.Ordinal);

    public ArgumentParser Option(string name, string? alias = null, bool repeatable = false)
    {
        var spec = new OptionSpec(name, TakesValue: true, repeatable);
        _options[name] = spec;
        if (alias is not null) _options[alias] = spec;
        return this;
    }

    public ArgumentParser Flag(string name)
    {
        _options[name] = new OptionSpec(name, TakesValue: false, Repeatable: false);
        return this;
    }

    public ParsedArguments Parse(IReadOnlyList<string> args, string verb)
    {
        var parsed = new ParsedArguments();
        for (int i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--help" || arg == "-h")
            {
                parsed.Help = true;
                continue;
            }
            if (!arg.StartsWith('-') || arg == "-")
            {
                parsed.Positionals.Add(arg);
                continue;
            }
            string name = arg;
            string? inlineValue = null;
            var eq = arg.IndexOf('=');
            if (arg.StartsWith("--") && eq > 0)
            {
                name = arg[..eq];
                inlineValue = arg[(eq + 1)..];
            }
            if (!_options.TryGetValue(name, out var spec))
                throw Usage(verb, $"unknown option '{name}'");
            if (!spec.TakesValue)
            {
                if (inlineValue is not null) throw Usage(verb, $"option '{name}' takes no value");
                parsed.Flags.Add(spec.Name);
                continue;
            }
            var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : throw Usage(verb, $"option '{name}' needs a value"));
            if (!parsed.Values.TryGetValue(spec.Name, out var values)) parsed.Values[spec.Name] = values = [];
            if (values.Count > 0 && !spec.Repeatable) throw Usage(verb, $"option '{spec.Name}' is given more than once");
            values.Add(value);
        }
        return parsed;
    }

    public static ModelBuildException Usage(string verb, string message) =>
        new(DiagnosticCode.UsageError, null, $"{message} (see 'modelbuild {verb} --help')");

    private sealed record OptionSpec(string Name, bool TakesValue, bool Repeatable);
}
