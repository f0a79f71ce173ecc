using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ModelBuild.Tasks;

/// <summary>
/// Writes the C# of <c>ModelAssets.&lt;AccessorName&gt;</c>. The text depends only on item metadata and the
/// signature file, never on the time or the machine, so regenerating it unchanged leaves the file untouched
/// and the compiler skipped. The code is kept to C# 7.3-era syntax apart from nullable annotations, so older
/// language versions in consumer projects compile it.
/// </summary>
internal static class AccessorWriter
{
    public const string OnnxRuntimeSymbol = "MODELBUILD_ONNXRUNTIME";

    /// <summary>The part shared by every asset: the class and its <c>TensorInfo</c> type, emitted once.</summary>
    public static string Common(string rootNamespace)
    {
        var code = new StringBuilder();
        Header(code, "the ModelAsset items of this project");
        OpenNamespace(code, rootNamespace, out var indent);
        code.Append(indent).Append("/// <summary>Typed access to the models this project declares as ModelAsset items.</summary>\n");
        code.Append(indent).Append("[global::System.CodeDom.Compiler.GeneratedCode(\"ModelBuild\", null)]\n");
        code.Append(indent).Append("internal static partial class ModelAssets\n");
        code.Append(indent).Append("{\n");
        var i = indent + "    ";
        code.Append(i).Append("/// <summary>A model input or output: name, element type and shape (a dim is a number or a symbol such as <c>batch</c>).</summary>\n");
        code.Append(i).Append("internal sealed class TensorInfo\n");
        code.Append(i).Append("{\n");
        code.Append(i).Append("    public TensorInfo(string name, string elementType, string[] shape)\n");
        code.Append(i).Append("    {\n");
        code.Append(i).Append("        Name = name;\n");
        code.Append(i).Append("        ElementType = elementType;\n");
        code.Append(i).Append("        Shape = shape;\n");
        code.Append(i).Append("    }\n\n");
        code.Append(i).Append("    public string Name { get; }\n\n");
        code.Append(i).Append("    /// <summary><c>float32</c>, <c>int64</c>, … as in the ModelAsset <c>Inputs</c> syntax.</summary>\n");
        code.Append(i).Append("    public string ElementType { get; }\n\n");
        code.Append(i).Append("    public global::System.Collections.Generic.IReadOnlyList<string> Shape { get; }\n\n");
        code.Append(i).Append("    /// <summary>The shape as numbers, with -1 for each symbolic dim.</summary>\n");
        code.Append(i).Append("    public long[] Dimensions\n");
        code.Append(i).Append("    {\n");
        code.Append(i).Append("        get\n");
        code.Append(i).Append("        {\n");
        code.Append(i).Append("            var dims = new long[Shape.Count];\n");
        code.Append(i).Append("            for (int d = 0; d < dims.Length; d++)\n");
        code.Append(i).Append("                dims[d] = long.TryParse(Shape[d], global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;\n");
        code.Append(i).Append("            return dims;\n");
        code.Append(i).Append("        }\n");
        code.Append(i).Append("    }\n\n");
        code.Append(i).Append("    public override string ToString() => Name + \": \" + ElementType + \"[\" + string.Join(\",\", Shape) + \"]\";\n");
        code.Append(i).Append("}\n");
        code.Append(indent).Append("}\n");
        CloseNamespace(code, rootNamespace);
        return code.ToString();
    }

    public static string ForAsset(string rootNamespace, AccessorModel model)
    {
        var code = new StringBuilder();
        Header(code, model.SourceDisplayPath);
        OpenNamespace(code, rootNamespace, out var indent);
        code.Append(indent).Append("internal static partial class ModelAssets\n");
        code.Append(indent).Append("{\n");
        var c = indent + "    ";
        var m = c + "    ";
        code.Append(c).Append("/// <summary>The model <c>").Append(Xml(model.SourceDisplayPath)).Append("</c>, converted to ").Append(Xml(model.Format)).Append(".</summary>\n");
        code.Append(c).Append("internal static class ").Append(model.AccessorName).Append('\n');
        code.Append(c).Append("{\n");
        code.Append(m).Append("/// <summary>Manifest resource name of the embedded artifact (stable across builds and machines).</summary>\n");
        code.Append(m).Append("public const string ResourceName = ").Append(Literal(model.ResourceName)).Append(";\n\n");
        code.Append(m).Append("/// <summary>Where the artifact is copied, relative to the app's base directory, when CopyToOutputDirectory is set.</summary>\n");
        code.Append(m).Append("public const string RelativePath = ").Append(Literal(model.RelativePath)).Append(";\n\n");
        code.Append(m).Append("public const bool IsEmbedded = ").Append(model.Embed ? "true" : "false").Append(";\n\n");
        Names(code, m, "InputNames", model.Inputs);
        Names(code, m, "OutputNames", model.Outputs);
        Tensors(code, m, "Inputs", model.Inputs);
        Tensors(code, m, "Outputs", model.Outputs);

        code.Append(m).Append("/// <summary>Opens the artifact for reading; the caller disposes the stream.</summary>\n");
        code.Append(m).Append("public static global::System.IO.Stream OpenStream()\n");
        code.Append(m).Append("{\n");
        if (model.Embed)
        {
            code.Append(m).Append("    var stream = typeof(").Append(model.AccessorName).Append(").Assembly.GetManifestResourceStream(ResourceName);\n");
            code.Append(m).Append("    if (stream is null) throw new global::System.InvalidOperationException(\"The embedded model resource '\" + ResourceName + \"' is missing from \" + typeof(")
                .Append(model.AccessorName).Append(").Assembly.FullName + \"; was the project built by a design-time build only?\");\n");
            code.Append(m).Append("    return stream;\n");
        }
        else if (model.Copied)
        {
            code.Append(m).Append("    return global::System.IO.File.OpenRead(global::System.IO.Path.Combine(global::System.AppContext.BaseDirectory, RelativePath));\n");
        }
        else
        {
            code.Append(m).Append("    throw new global::System.InvalidOperationException(\"The ModelAsset ").Append(Escape(model.SourceDisplayPath))
                .Append(" has Embed=false and CopyToOutputDirectory=Never, so the app has no copy of it.\");\n");
        }
        code.Append(m).Append("}\n\n");

        code.Append(m).Append("/// <summary>The whole artifact in memory.</summary>\n");
        code.Append(m).Append("public static byte[] ReadAllBytes()\n");
        code.Append(m).Append("{\n");
        code.Append(m).Append("    using (var stream = OpenStream())\n");
        code.Append(m).Append("    using (var memory = new global::System.IO.MemoryStream())\n");
        code.Append(m).Append("    {\n");
        code.Append(m).Append("        stream.CopyTo(memory);\n");
        code.Append(m).Append("        return memory.ToArray();\n");
        code.Append(m).Append("    }\n");
        code.Append(m).Append("}\n");

        if (model.Format == TargetFormats.Onnx)
        {
            // Only compiled where the project references ONNX Runtime: the targets define the symbol then, and
            // a project without it must not fail on a type it does not have.
            code.Append("\n#if ").Append(OnnxRuntimeSymbol).Append('\n');
            code.Append(m).Append("/// <summary>An ONNX Runtime session over the embedded model.</summary>\n");
            code.Append(m).Append("public static global::Microsoft.ML.OnnxRuntime.InferenceSession CreateSession(global::Microsoft.ML.OnnxRuntime.SessionOptions? options = null)\n");
            code.Append(m).Append("{\n");
            code.Append(m).Append("    return options is null\n");
            code.Append(m).Append("        ? new global::Microsoft.ML.OnnxRuntime.InferenceSession(ReadAllBytes())\n");
            code.Append(m).Append("        : new global::Microsoft.ML.OnnxRuntime.InferenceSession(ReadAllBytes(), options);\n");
            code.Append(m).Append("}\n");
            code.Append("#endif\n");
        }
        code.Append(c).Append("}\n");
        code.Append(indent).Append("}\n");
        CloseNamespace(code, rootNamespace);
        return code.ToString();
    }

    private static void Names(StringBuilder code, string indent, string name, IReadOnlyList<TensorSignature> tensors)
    {
        code.Append(indent).Append("public static global::System.Collections.Generic.IReadOnlyList<string> ").Append(name).Append(" { get; } = new string[] { ")
            .Append(string.Join(", ", tensors.Select(t => Literal(t.Name)))).Append(tensors.Count > 0 ? " " : "").Append("};\n\n");
    }

    private static void Tensors(StringBuilder code, string indent, string name, IReadOnlyList<TensorSignature> tensors)
    {
        code.Append(indent).Append("public static global::System.Collections.Generic.IReadOnlyList<ModelAssets.TensorInfo> ").Append(name).Append(" { get; } = new ModelAssets.TensorInfo[]\n");
        code.Append(indent).Append("{\n");
        foreach (var t in tensors)
        {
            code.Append(indent).Append("    new ModelAssets.TensorInfo(").Append(Literal(t.Name)).Append(", ").Append(Literal(t.ElementType))
                .Append(", new string[] { ").Append(string.Join(", ", t.Shape.Select(Literal))).Append(t.Shape.Count > 0 ? " " : "").Append("}),\n");
        }
        code.Append(indent).Append("};\n\n");
    }

    private static void Header(StringBuilder code, string from)
    {
        code.Append("// <auto-generated>\n");
        code.Append("//   Generated by ModelBuild from ").Append(from.Replace('\n', ' ')).Append(".\n");
        code.Append("//   Changes are lost when the build regenerates this file.\n");
        code.Append("// </auto-generated>\n");
        code.Append("#nullable enable\n\n");
    }

    private static void OpenNamespace(StringBuilder code, string rootNamespace, out string indent)
    {
        indent = "";
        if (rootNamespace.Length == 0) return;
        code.Append("namespace ").Append(rootNamespace).Append("\n{\n");
        indent = "    ";
    }

    private static void CloseNamespace(StringBuilder code, string rootNamespace)
    {
        if (rootNamespace.Length > 0) code.Append("}\n");
    }

    /// <summary>A C# namespace made from RootNamespace, which the SDK derives from a project name that may hold '-'.</summary>
    public static string SafeNamespace(string rootNamespace) =>
        string.Join(".", rootNamespace.Split(new[] { '.' }, System.StringSplitOptions.RemoveEmptyEntries)
            .Select(part => AccessorNames.IsIdentifier(part) ? part : SafePart(part)));

    private static string SafePart(string part)
    {
        var chars = part.Select(ch => ch < 128 && (char.IsLetterOrDigit(ch) || ch == '_') ? ch : '_').ToArray();
        var text = new string(chars);
        return char.IsDigit(text[0]) ? "_" + text : text;
    }

    private static string Literal(string text) => "\"" + Escape(text) + "\"";

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r");

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
