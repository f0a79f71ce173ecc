using System.Text.Json;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Importers.Onnx;
using ModelBuild.Core.Pipeline;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Cli;

/// <summary>
/// Writes <c>&lt;artifact stem&gt;.signature.json</c> beside a converted ONNX artifact: the model's real inputs
/// and its outputs with dtypes and shapes (symbolic dims as strings). The MSBuild accessor generator reads it
/// to give <c>ModelAssets.&lt;Name&gt;</c> input and output names without loading ONNX itself (the task
/// assembly carries no Protobuf). Shape of the file:
/// <c>{"inputs":[{"name":"x","dtype":"float32","shape":["batch",16]}],"outputs":[…]}</c>.
/// </summary>
internal static class SignatureSidecar
{
    public static string PathFor(string artifactPath) => Path.ChangeExtension(artifactPath, ".signature.json");

    /// <summary>
    /// Writes the sidecar from the signature the conversion wrote, or, when it has none (a cache restore, an
    /// optimized artifact), from the artifact itself: parsing a large model back costs as much as converting it.
    /// </summary>
    public static void Write(string onnxArtifactPath, ModelSignature? written = null)
    {
        var signature = written ?? ModelSignature.Of(OnnxReader.Read(onnxArtifactPath).Graph);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            WriteList(json, "inputs", signature.Inputs);
            WriteList(json, "outputs", signature.Outputs);
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        File.WriteAllBytes(PathFor(onnxArtifactPath), buffer.ToArray());
    }

    private static void WriteList(Utf8JsonWriter json, string name, IEnumerable<ValueInfo> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStartObject();
            json.WriteString("name", value.Name);
            json.WriteString("dtype", DataTypes.Name(value.ElementType));
            json.WriteStartArray("shape");
            foreach (var dim in value.Shape?.Dims ?? [])
            {
                if (dim.Value is { } size) json.WriteNumberValue(size);
                else json.WriteStringValue(dim.Symbol ?? "?");
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
