using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ModelBuild.Core.Exporters.TensorRt;

/// <summary>
/// <c>&lt;engine&gt;.json</c>: what the engine is bound to. Engines load only on the TensorRT version (by default)
/// and the GPU compute capability that built them, on the same OS; the sidecar says which, so a deployment can
/// refuse a mismatched engine before TensorRT does, and a build can tell when to rebuild. Deterministic: paths
/// are file names, properties in a fixed order, '\n' newlines.
/// </summary>
public static class TensorRtSidecar
{
    public static void Write(string path, string engineFileName, TensorRtToolchain toolchain, IReadOnlyList<string> arguments,
        IReadOnlyList<TensorRtShapes> shapes, bool fp16)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            w.WriteStartObject();
            w.WriteString("schema", TensorRtLayout.SidecarSchema);
            w.WriteString("engine", engineFileName);
            w.WriteString("tensorrtVersion", toolchain.Version.ToString());
            w.WriteString("gpu", toolchain.Gpu.Name);
            w.WriteString("computeCapability", toolchain.Gpu.ComputeCapability);
            w.WriteString("platform", OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux");
            w.WriteString("precision", fp16 ? "fp16" : "fp32");
            w.WriteStartArray("profiles");
            foreach (var s in shapes)
            {
                w.WriteStartObject();
                w.WriteString("input", s.Input);
                WriteDims(w, "min", s.Min);
                WriteDims(w, "opt", s.Opt);
                WriteDims(w, "max", s.Max);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("trtexecArguments");
            foreach (var a in arguments) w.WriteStringValue(a);
            w.WriteEndArray();
            w.WriteString("portability",
                $"loads only with TensorRT {toolchain.Version} on a GPU of compute capability {toolchain.Gpu.ComputeCapability} ({toolchain.Gpu.SmName}); rebuild for any other");
            w.WriteEndObject();
        }
        File.WriteAllText(path, Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
    }

    private static void WriteDims(Utf8JsonWriter w, string name, IReadOnlyList<long> dims)
    {
        w.WriteStartArray(name);
        foreach (var d in dims) w.WriteNumberValue(d);
        w.WriteEndArray();
    }
}
