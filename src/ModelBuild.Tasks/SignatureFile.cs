using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ModelBuild.Tasks;

/// <summary>
/// The converter's record of a converted model's inputs and outputs, <c>&lt;stem&gt;.signature.json</c> beside
/// the artifact: <c>{"inputs":[{"name":"x","dtype":"float32","shape":["batch",16]}],"outputs":[…]}</c>.
/// The accessor generator reads it so the generated class can name outputs, which item metadata cannot know.
/// </summary>
internal sealed class SignatureFile
{
    private SignatureFile(IReadOnlyList<TensorSignature> inputs, IReadOnlyList<TensorSignature> outputs)
    {
        Inputs = inputs;
        Outputs = outputs;
    }

    public IReadOnlyList<TensorSignature> Inputs { get; }

    public IReadOnlyList<TensorSignature> Outputs { get; }

    /// <summary>Null when the file does not exist yet (before the first conversion, in design-time builds).</summary>
    /// <exception cref="FormatException">The file exists but does not hold a signature.</exception>
    public static SignatureFile? TryRead(string path)
    {
        if (!File.Exists(path)) return null;
        if (MiniJson.Parse(File.ReadAllText(path)) is not Dictionary<string, object?> root)
            throw new FormatException("the signature file is not a JSON object");
        return new SignatureFile(ReadList(root, "inputs"), ReadList(root, "outputs"));
    }

    private static IReadOnlyList<TensorSignature> ReadList(Dictionary<string, object?> root, string key)
    {
        if (!root.TryGetValue(key, out var value) || value is null) return new TensorSignature[0];
        if (value is not List<object?> list) throw new FormatException($"'{key}' is not an array");
        return list.Select(entry =>
        {
            if (entry is not Dictionary<string, object?> tensor || !(tensor.TryGetValue("name", out var name) && name is string nameText))
                throw new FormatException($"an entry of '{key}' has no name");
            var dtype = tensor.TryGetValue("dtype", out var t) && t is string typeText ? typeText : "undefined";
            var shape = tensor.TryGetValue("shape", out var s) && s is List<object?> dims
                ? dims.Select(d => d is double number ? ((long)number).ToString(CultureInfo.InvariantCulture) : Convert.ToString(d, CultureInfo.InvariantCulture) ?? "?").ToArray()
                : new string[0];
            return new TensorSignature(nameText, dtype, shape);
        }).ToArray();
    }
}
