using System.Text.Json;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Importers.Onnx;
using ModelBuild.Core.Importers.PyTorch;
using ModelBuild.Core.Pipeline;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tensors.Numpy;
using ModelBuild.Core.Tensors.Safetensors;

namespace ModelBuild.Cli.Commands;

/// <summary><c>modelbuild inspect</c>: what a model or tensor file holds, without converting it.</summary>
internal static class InspectCommand
{
    public const string Help = """
        Usage: modelbuild inspect <file> [--json]

        Prints the file's format and, for ONNX models, the opsets, inputs and outputs (with symbolic dims),
        operator counts and weight totals; for .safetensors and .npz files, every tensor with dtype, shape and
        size; for PyTorch files (.pt/.pth/.bin: torch.save zip, TorchScript archive, legacy stream), the
        format, archive version, the classes the pickle names, and every tensor (state_dict-style names).
        PyTorch pickles are read without running any code. The file is validated as it is read: an invalid file exits 2 with an MBLD error.

        Options:
          --json    Machine-readable output.
        """;

    private static readonly ArgumentParser Parser = new ArgumentParser().Flag("--json");

    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        var parsed = Parser.Parse(args, "inspect");
        if (parsed.Help)
        {
            stdout.WriteLine(Help);
            return 0;
        }
        var path = parsed.SinglePositional("inspect", "file");
        var summary = Summarize(path);
        stdout.WriteLine(parsed.Has("--json") ? summary.ToJson() : summary.ToText());
        return 0;
    }

    private static FileSummary Summarize(string path)
    {
        var format = SourceDetector.Detect(path);
        switch (format)
        {
            case SourceFormat.Onnx:
                return FileSummary.FromModel(path, OnnxReader.Read(path));
            case SourceFormat.Safetensors:
                using (var file = SafetensorsReader.Read(path)) return FileSummary.FromTensors(path, "safetensors", file.Tensors);
            case SourceFormat.Npz:
                return FileSummary.FromTensors(path, "npz", NpzReader.Read(path));
            case SourceFormat.PyTorchZip:
            case SourceFormat.PyTorchLegacy:
            case SourceFormat.PyTorchMobile:
                var torch = PyTorchReader.Read(path);
                return new FileSummary(path, PyTorchFormatName(torch.Format), null, torch.Tensors) { ArchiveVersion = torch.Version, Classes = torch.Classes };
            default:
                throw new ModelBuildException(DiagnosticCode.UnknownSourceFormat, path, "not a recognised model or tensor file (ONNX, safetensors, npz, PyTorch)");
        }
    }

    private static string PyTorchFormatName(PyTorchFormat format) => format switch
    {
        PyTorchFormat.TorchScript => "pytorch-torchscript",
        PyTorchFormat.Legacy => "pytorch-legacy",
        _ => "pytorch-zip",
    };

    private sealed record FileSummary(string Path, string Format, Model? Model, IReadOnlyList<NamedTensor> Tensors)
    {
        /// <summary>PyTorch zip archives: the <c>version</c> / <c>.data/version</c> record.</summary>
        public int? ArchiveVersion { get; init; }

        /// <summary>PyTorch files: classes the pickle names (kept as inert references).</summary>
        public IReadOnlyList<string> Classes { get; init; } = [];

        public static FileSummary FromModel(string path, Model model) =>
            new(path, "onnx", model, model.Graph.Initializers.Select(i => new NamedTensor(i.Name, i.Data)).ToArray());

        public static FileSummary FromTensors(string path, string format, IReadOnlyList<NamedTensor> tensors) => new(path, format, null, tensors);

        private long TotalBytes => Tensors.Sum(t => t.Data.ByteLength);

        private IEnumerable<KeyValuePair<string, int>> Operators => Model is null
            ? []
            : Model.Graph.Nodes.GroupBy(n => n.Domain.Length == 0 ? n.OpType : $"{n.Domain}.{n.OpType}")
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => KeyValuePair.Create(g.Key, g.Count()));

        private IEnumerable<ValueInfo> RealInputs
        {
            get
            {
                if (Model is null) return [];
                var weights = Model.Graph.Initializers.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
                return Model.Graph.Inputs.Where(i => !weights.Contains(i.Name));
            }
        }

        public string ToText()
        {
            var w = new StringWriter { NewLine = "\n" };
            w.WriteLine($"{Path}: {Format}");
            if (Model is not null)
            {
                w.WriteLine($"  ir_version {Model.IrVersion}; opsets: {string.Join(", ", Model.OpsetImports.Select(o => $"{(o.Key.Length == 0 ? "ai.onnx" : o.Key)} {o.Value}"))}");
                foreach (var input in RealInputs) w.WriteLine($"  input  {input}");
                foreach (var output in Model.Graph.Outputs) w.WriteLine($"  output {output}");
                w.WriteLine($"  operators ({Model.Graph.Nodes.Count} nodes): {string.Join(", ", Operators.Select(o => $"{o.Key}×{o.Value}"))}");
                w.WriteLine($"  weights: {Tensors.Count} tensors, {TotalBytes} bytes");
            }
            else
            {
                if (ArchiveVersion is { } version) w.WriteLine($"  archive version {version}");
                if (Classes.Count > 0) w.WriteLine($"  classes: {string.Join(", ", Classes)}");
                w.WriteLine($"  {Tensors.Count} tensors, {TotalBytes} bytes");
                foreach (var t in Tensors)
                    w.WriteLine($"  {t.Name}: {DataTypes.Name(t.Data.DataType)}[{string.Join(",", t.Data.Shape)}] ({t.Data.ByteLength} bytes)");
            }
            return w.ToString().TrimEnd('\n');
        }

        public string ToJson()
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteString("path", Path);
                json.WriteString("format", Format);
                if (Model is not null)
                {
                    json.WriteNumber("irVersion", Model.IrVersion);
                    json.WriteStartObject("opsets");
                    foreach (var (domain, version) in Model.OpsetImports) json.WriteNumber(domain.Length == 0 ? "ai.onnx" : domain, version);
                    json.WriteEndObject();
                    WriteValues(json, "inputs", RealInputs);
                    WriteValues(json, "outputs", Model.Graph.Outputs);
                    json.WriteStartObject("operators");
                    foreach (var (op, count) in Operators) json.WriteNumber(op, count);
                    json.WriteEndObject();
                }
                if (ArchiveVersion is { } archiveVersion) json.WriteNumber("archiveVersion", archiveVersion);
                if (Model is null && Format.StartsWith("pytorch", StringComparison.Ordinal))
                {
                    json.WriteStartArray("classes");
                    foreach (var c in Classes) json.WriteStringValue(c);
                    json.WriteEndArray();
                }
                json.WriteNumber("tensorCount", Tensors.Count);
                json.WriteNumber("tensorBytes", TotalBytes);
                json.WriteStartArray("tensors");
                foreach (var t in Tensors)
                {
                    json.WriteStartObject();
                    json.WriteString("name", t.Name);
                    json.WriteString("dtype", DataTypes.Name(t.Data.DataType));
                    json.WriteStartArray("shape");
                    foreach (var d in t.Data.Shape) json.WriteNumberValue(d);
                    json.WriteEndArray();
                    json.WriteNumber("bytes", t.Data.ByteLength);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static void WriteValues(Utf8JsonWriter json, string name, IEnumerable<ValueInfo> values)
        {
            json.WriteStartArray(name);
            foreach (var v in values)
            {
                json.WriteStartObject();
                json.WriteString("name", v.Name);
                json.WriteString("dtype", DataTypes.Name(v.ElementType));
                if (v.Shape is null) json.WriteNull("shape");
                else
                {
                    json.WriteStartArray("shape");
                    foreach (var d in v.Shape.Dims)
                    {
                        if (d.Value is { } fixedSize) json.WriteNumberValue(fixedSize);
                        else if (d.Symbol is { } symbol) json.WriteStringValue(symbol);
                        else json.WriteNullValue();
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
    }
}
