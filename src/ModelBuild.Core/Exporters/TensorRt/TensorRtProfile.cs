using System.Globalization;

namespace ModelBuild.Core.Exporters.TensorRt;

/// <summary>
/// The optimization profile TensorRT needs for dynamic inputs: min/opt/max per symbolic dim name
/// (<c>--trt-profile "batch=1,8,32;seq=1,128,512"</c>). A symbolic dim the profile does not name gets
/// <see cref="TensorRtLayout.DefaultMin"/>/<see cref="TensorRtLayout.DefaultOpt"/>/<see cref="TensorRtLayout.DefaultMax"/>
/// (1,1,1): an engine that is valid for the smallest shape and costs the least to build; ask for more explicitly.
/// </summary>
public sealed class TensorRtProfile
{
    private readonly SortedDictionary<string, (long Min, long Opt, long Max)> _dims;

    private TensorRtProfile(SortedDictionary<string, (long, long, long)> dims) => _dims = dims;

    public static TensorRtProfile Default { get; } = new(new(StringComparer.Ordinal));

    public static TensorRtProfile Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Default;
        var dims = new SortedDictionary<string, (long, long, long)>(StringComparer.Ordinal);
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = entry.IndexOf('=');
            if (eq <= 0) throw TensorRtThrowHelper.InvalidProfile(text, $"'{entry}' has no 'dim=' name");
            var name = entry[..eq].Trim();
            var values = entry[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries);
            if (values.Length != 3) throw TensorRtThrowHelper.InvalidProfile(text, $"'{entry}' needs three sizes");
            var sizes = new long[3];
            for (int i = 0; i < 3; i++)
            {
                if (!long.TryParse(values[i], NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1)
                    throw TensorRtThrowHelper.InvalidProfile(text, $"'{values[i]}' in '{entry}' is not a positive size");
            }
            if (sizes[0] > sizes[1] || sizes[1] > sizes[2]) throw TensorRtThrowHelper.InvalidProfile(text, $"'{entry}' is not ordered min ≤ opt ≤ max");
            if (!dims.TryAdd(name, (sizes[0], sizes[1], sizes[2]))) throw TensorRtThrowHelper.InvalidProfile(text, $"'{name}' is given twice");
        }
        return new TensorRtProfile(dims);
    }

    /// <summary>min, opt, max for the symbolic dim <paramref name="name"/>.</summary>
    public (long Min, long Opt, long Max) For(string name) =>
        _dims.TryGetValue(name, out var sizes) ? sizes : (TensorRtLayout.DefaultMin, TensorRtLayout.DefaultOpt, TensorRtLayout.DefaultMax);

    /// <summary>Names the profile gives sizes for, ordinal order.</summary>
    public IEnumerable<string> Names => _dims.Keys;
}
