using System.Buffers.Binary;
using System.Text.Json;
using Google.Protobuf;
using ModelBuild.Core.CoreMl.Proto;
using ModelBuild.Core.Diagnostics;
using Proto = ModelBuild.Core.CoreMl.Proto;

namespace ModelBuild.Core.Exporters.CoreMl;

/// <summary>
/// Structural checks of an ML Program <c>.mlpackage</c> where Core ML cannot run (anything but macOS): the manifest
/// and its entries, the model protobuf (parses, spec ≥ 7, an ML Program with <c>main</c> and a block for its
/// opset), every operation input and block output naming a value defined before it, every <c>blobFileValue</c>
/// pointing at a 64-byte-aligned blob v2 record whose dtype and size match the constant's type, the description
/// matching the function's I/O, and a protobuf round trip (parse → serialise → identical bytes).
/// </summary>
public static class CoreMlValidator
{
    public static void Validate(string mlpackagePath)
    {
        var issues = Check(mlpackagePath);
        if (issues.Count == 0) return;
        var message = string.Join(" ", issues.Take(10).Select(i => $"[{i.Code.Id}] {i.Message}"));
        if (issues.Count > 10) message += $" … and {issues.Count - 10} more.";
        throw new ModelBuildException(issues[0].Code, mlpackagePath, message);
    }

    public static IReadOnlyList<CoreMlValidationIssue> Check(string mlpackagePath)
    {
        var issues = new List<CoreMlValidationIssue>();
        void Add(DiagnosticCode code, string message) => issues.Add(new CoreMlValidationIssue(code, message));
        var root = Path.GetFullPath(mlpackagePath);
        var modelPath = CheckManifest(root, Add);
        if (modelPath is null) return issues;

        var bytes = File.ReadAllBytes(modelPath);
        Proto.Model spec;
        try
        {
            spec = Proto.Model.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            Add(DiagnosticCode.CoreMlModelInvalid, $"model.mlmodel does not parse: {e.Message}");
            return issues;
        }
        if (!spec.ToByteArray().AsSpan().SequenceEqual(bytes))
            Add(DiagnosticCode.CoreMlRoundTrip, $"model.mlmodel ({bytes.Length} bytes) re-serialises to {spec.CalculateSize()} different bytes.");
        if (spec.SpecificationVersion < CoreMlLayout.SpecificationVersion)
            Add(DiagnosticCode.CoreMlModelInvalid, $"specificationVersion {spec.SpecificationVersion} is below {CoreMlLayout.SpecificationVersion}.");
        if (spec.TypeCase != Proto.Model.TypeOneofCase.MlProgram) { Add(DiagnosticCode.CoreMlModelInvalid, "The model is not an ML Program (mlProgram, field 502)."); return issues; }
        if (spec.MlProgram.Version != 1) Add(DiagnosticCode.CoreMlModelInvalid, $"Program.version is {spec.MlProgram.Version}; it must be 1.");
        if (!spec.MlProgram.Functions.TryGetValue(CoreMlLayout.FunctionName, out var main)) { Add(DiagnosticCode.CoreMlModelInvalid, "The program has no 'main' function."); return issues; }
        if (!main.BlockSpecializations.TryGetValue(main.Opset, out var block)) { Add(DiagnosticCode.CoreMlModelInvalid, $"'main' has no block for its opset '{main.Opset}'."); return issues; }

        var weightPath = Path.Combine(root, CoreMlLayout.DataFolder, CoreMlLayout.WeightsPath, CoreMlLayout.WeightFile);
        byte[]? weights = File.Exists(weightPath) ? File.ReadAllBytes(weightPath) : null;
        CheckWeightHeader(weights, Add);
        var defined = new HashSet<string>(main.Inputs.Select(i => i.Name), StringComparer.Ordinal);
        foreach (var op in block.Operations)
        {
            var opName = op.Outputs.FirstOrDefault()?.Name ?? op.Type;
            foreach (var (param, argument) in op.Inputs)
            foreach (var binding in argument.Arguments)
                if (binding.BindingCase == Argument.Types.Binding.BindingOneofCase.Name && !defined.Contains(binding.Name))
                    Add(DiagnosticCode.CoreMlUndefinedValue, $"Operation '{opName}' ({op.Type}) input '{param}' names '{binding.Name}', which is not defined before it.");
            foreach (var value in op.Attributes.Values.Concat(op.Inputs.Values.SelectMany(a => a.Arguments).Where(b => b.Value is not null).Select(b => b.Value)))
                if (value.ValueCase == Value.ValueOneofCase.BlobFileValue) CheckBlob(opName, value, weights, Add);
            foreach (var output in op.Outputs)
                if (!defined.Add(output.Name)) Add(DiagnosticCode.CoreMlUndefinedValue, $"Value '{output.Name}' is defined twice.");
        }
        foreach (var output in block.Outputs.Where(o => !defined.Contains(o)))
            Add(DiagnosticCode.CoreMlUndefinedValue, $"Block output '{output}' is not defined by any operation or input.");

        var description = spec.Description ?? new ModelDescription();
        if (!description.Input.Select(f => f.Name).SequenceEqual(main.Inputs.Select(i => i.Name)))
            Add(DiagnosticCode.CoreMlInterfaceMismatch, $"Description inputs [{string.Join(",", description.Input.Select(f => f.Name))}] differ from 'main' inputs [{string.Join(",", main.Inputs.Select(i => i.Name))}].");
        if (!description.Output.Select(f => f.Name).SequenceEqual(block.Outputs))
            Add(DiagnosticCode.CoreMlInterfaceMismatch, $"Description outputs [{string.Join(",", description.Output.Select(f => f.Name))}] differ from block outputs [{string.Join(",", block.Outputs)}].");
        foreach (var (feature, input) in description.Input.Zip(main.Inputs))
        {
            var rank = input.Type?.TensorType?.Rank ?? -1;
            if (feature.Type?.MultiArrayType is not { } array || array.Shape.Count != rank)
                Add(DiagnosticCode.CoreMlInterfaceMismatch, $"Input '{feature.Name}' is not a multi-array of rank {rank}.");
        }
        return issues;
    }

    /// <summary>Checks Manifest.json and returns the root model's path, or null when it cannot be found.</summary>
    private static string? CheckManifest(string root, Action<DiagnosticCode, string> add)
    {
        var manifest = Path.Combine(root, CoreMlLayout.ManifestFile);
        if (!File.Exists(manifest)) { add(DiagnosticCode.CoreMlPackageInvalid, $"{CoreMlLayout.ManifestFile} is missing from '{root}'."); return null; }
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(manifest));
            var json = doc.RootElement;
            if (!json.TryGetProperty("fileFormatVersion", out var version) || version.ValueKind != JsonValueKind.String)
                add(DiagnosticCode.CoreMlPackageInvalid, "Manifest.json lacks fileFormatVersion.");
            if (!json.TryGetProperty("itemInfoEntries", out var entries) || entries.ValueKind != JsonValueKind.Object)
            {
                add(DiagnosticCode.CoreMlPackageInvalid, "Manifest.json lacks itemInfoEntries.");
                return null;
            }
            string? modelPath = null;
            var rootId = json.TryGetProperty("rootModelIdentifier", out var r) ? r.GetString() : null;
            foreach (var entry in entries.EnumerateObject())
            {
                var path = entry.Value.TryGetProperty("path", out var p) ? p.GetString() : null;
                var full = path is null ? null : Path.Combine(root, CoreMlLayout.DataFolder, path);
                if (full is null || (!File.Exists(full) && !Directory.Exists(full)))
                    add(DiagnosticCode.CoreMlPackageInvalid, $"Manifest entry {entry.Name} points at '{path}', which is not in the package.");
                else if (entry.Name == rootId) modelPath = full;
            }
            if (rootId is null || !entries.TryGetProperty(rootId, out _))
                add(DiagnosticCode.CoreMlPackageInvalid, $"rootModelIdentifier '{rootId}' names no itemInfoEntries entry.");
            return modelPath is not null && File.Exists(modelPath) ? modelPath : null;
        }
        catch (JsonException e)
        {
            add(DiagnosticCode.CoreMlPackageInvalid, $"Manifest.json is not valid JSON: {e.Message}");
            return null;
        }
        catch (InvalidOperationException e)
        {
            add(DiagnosticCode.CoreMlPackageInvalid, $"Manifest.json has a value of the wrong type: {e.Message}");
            return null;
        }
    }

    private static void CheckWeightHeader(byte[]? weights, Action<DiagnosticCode, string> add)
    {
        if (weights is null) return;
        if (weights.Length < CoreMlLayout.HeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(weights.AsSpan(4)) != CoreMlLayout.StorageVersion)
            add(DiagnosticCode.CoreMlBlobInvalid, $"weight.bin ({weights.Length} bytes) does not start with a blob storage v{CoreMlLayout.StorageVersion} header.");
    }

    private static void CheckBlob(string opName, Value value, byte[]? weights, Action<DiagnosticCode, string> add)
    {
        var blob = value.BlobFileValue;
        string what = $"Constant '{opName}' (blob offset {blob.Offset})";
        if (blob.FileName != CoreMlLayout.BlobFileName) { add(DiagnosticCode.CoreMlBlobInvalid, $"{what} names file '{blob.FileName}', not '{CoreMlLayout.BlobFileName}'."); return; }
        if (weights is null) { add(DiagnosticCode.CoreMlBlobInvalid, $"{what}: weights/weight.bin is missing."); return; }
        if (blob.Offset % CoreMlLayout.Alignment != 0) { add(DiagnosticCode.CoreMlBlobInvalid, $"{what} is not {CoreMlLayout.Alignment}-byte aligned."); return; }
        if (blob.Offset < CoreMlLayout.HeaderSize || blob.Offset + CoreMlLayout.MetadataSize > (ulong)weights.Length) { add(DiagnosticCode.CoreMlBlobInvalid, $"{what} lies outside weight.bin ({weights.Length} bytes)."); return; }
        var meta = weights.AsSpan((int)blob.Offset, CoreMlLayout.MetadataSize);
        if (BinaryPrimitives.ReadUInt32LittleEndian(meta) != CoreMlLayout.Sentinel) { add(DiagnosticCode.CoreMlBlobInvalid, $"{what} does not point at a blob metadata record (sentinel 0xDEADBEEF)."); return; }
        uint dtype = BinaryPrimitives.ReadUInt32LittleEndian(meta[4..]);
        ulong size = BinaryPrimitives.ReadUInt64LittleEndian(meta[8..]);
        ulong dataOffset = BinaryPrimitives.ReadUInt64LittleEndian(meta[16..]);
        var tensor = value.Type?.TensorType;
        var (expectedDtype, elementSize) = tensor?.DataType switch
        {
            Proto.DataType.Float32 => (CoreMlLayout.BlobFloat32, 4UL),
            Proto.DataType.Float16 => (CoreMlLayout.BlobFloat16, 2UL),
            _ => (0u, 0UL),
        };
        ulong elements = 1;
        foreach (var d in tensor?.Dimensions ?? []) elements *= d.Constant?.Size ?? 0;
        if (dtype != expectedDtype) add(DiagnosticCode.CoreMlBlobInvalid, $"{what}: the record's dtype is {dtype}, the constant's type needs {expectedDtype}.");
        if (size != elements * elementSize) add(DiagnosticCode.CoreMlBlobInvalid, $"{what}: the record holds {size} bytes, the constant's type needs {elements * elementSize}.");
        if (dataOffset % CoreMlLayout.Alignment != 0 || dataOffset < blob.Offset + CoreMlLayout.MetadataSize || dataOffset + size > (ulong)weights.Length)
            add(DiagnosticCode.CoreMlBlobInvalid, $"{what}: data at {dataOffset} (+{size}) is misaligned or outside weight.bin ({weights.Length} bytes).");
    }
}
