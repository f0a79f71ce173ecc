using System.Security.Cryptography;
using System.Text.Json;

namespace ModelBuild.Core.Tests.Tensors;

/// <summary>The numpy/torch-made files under tests/fixtures/tensors and the values their generator recorded.</summary>
internal static class TensorFixtures
{
    private static readonly Lazy<JsonDocument> ExpectedDocument = new(() => JsonDocument.Parse(File.ReadAllBytes(PathOf("expected.json"))));

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "tensors", name);

    /// <summary>expected.json's entry for <paramref name="key"/> in <paramref name="section"/> (npy, npz, safetensors…).</summary>
    public static JsonElement Expected(string section, string key) => ExpectedDocument.Value.RootElement.GetProperty(section).GetProperty(key);

    public static JsonElement ExpectedRoot => ExpectedDocument.Value.RootElement;

    public static long[] Shape(JsonElement expected) => expected.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
