using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Importers.TorchScript.Syntax;

namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>All code files of an archive, parsed, with classes and free functions indexed by qualified name.</summary>
public sealed class TorchScriptProgram
{
    private readonly Dictionary<string, ClassDef> _classes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FunctionDef> _functions = new(StringComparer.Ordinal);
    private readonly Dictionary<object, string> _paths = new(ReferenceEqualityComparer.Instance);

    private TorchScriptProgram(string? archivePath, IReadOnlyList<CodeFile> files)
    {
        ArchivePath = archivePath;
        Files = files;
        foreach (var file in files)
        {
            foreach (var c in file.Classes)
            {
                _classes[c.QualifiedName] = c;
                foreach (var m in c.Methods) _paths[m] = file.Path;
            }
            foreach (var f in file.Functions)
            {
                _functions[file.Qualifier + "." + f.Name] = f;
                _paths[f] = file.Path;
            }
        }
    }

    public string? ArchivePath { get; }
    public IReadOnlyList<CodeFile> Files { get; }
    public IReadOnlyDictionary<string, ClassDef> Classes => _classes;
    public IReadOnlyDictionary<string, FunctionDef> Functions => _functions;

    /// <summary>Parses every <c>.py</c> file (debug tables and other records are skipped); MBLD2010 on a syntax error.</summary>
    public static TorchScriptProgram Parse(IReadOnlyDictionary<string, string> codeFiles, string? archivePath = null)
    {
        var files = codeFiles
            .Where(kv => kv.Key.EndsWith(".py", StringComparison.Ordinal))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => TorchScriptParser.ParseFile(kv.Value, CodePath(kv.Key), archivePath))
            .ToList();
        return new TorchScriptProgram(archivePath, files);
    }

    /// <summary>The path from <c>code/</c> on, whatever top-level folder the archive uses.</summary>
    public static string CodePath(string entry)
    {
        var p = entry.Replace('\\', '/');
        int code = p.StartsWith(TorchScriptLayout.CodeFolder, StringComparison.Ordinal) ? 0 : p.IndexOf("/" + TorchScriptLayout.CodeFolder, StringComparison.Ordinal) + 1;
        return code > 0 ? p[code..] : p;
    }

    /// <summary>The code file a method or function was read from.</summary>
    public string PathOf(FunctionDef function) => _paths.TryGetValue(function, out var p) ? p : "code/?";

    public ClassDef Class(string qualifiedName, SourceLocation where)
    {
        if (_classes.TryGetValue(qualifiedName, out var c)) return c;
        throw TorchScriptThrowHelper.At(DiagnosticCode.TorchScriptUnresolved, ArchivePath, where, $"class {qualifiedName} is not defined by any code file of the archive.");
    }
}
