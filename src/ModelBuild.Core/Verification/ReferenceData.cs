using System.Globalization;
using System.Text.RegularExpressions;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Verification;

/// <summary>
/// The golden file's arrays grouped into input sets. DESIGN's naming: <c>input.&lt;name&gt;</c> and
/// <c>output.&lt;name&gt;</c> for one set, or <c>set&lt;k&gt;.input.&lt;name&gt;</c> /
/// <c>set&lt;k&gt;.output.&lt;name&gt;</c> for several. Reading the npz/safetensors container is the readers'
/// job; this type only interprets the names.
/// </summary>
public sealed partial class ReferenceData
{
    private ReferenceData(string file, IReadOnlyList<ReferenceSet> sets)
    {
        File = file;
        Sets = sets;
    }

    /// <summary>The reference file, as diagnostics and reports name it.</summary>
    public string File { get; }

    /// <summary>Sets ordered by k numerically (<c>set2</c> before <c>set10</c>); one set named <c>set0</c> for plain names.</summary>
    public IReadOnlyList<ReferenceSet> Sets { get; }

    public static ReferenceData FromArrays(IReadOnlyList<NamedTensor> arrays, string file)
    {
        if (arrays.Count == 0) throw Invalid(file, "it holds no arrays; expected 'input.<name>' and 'output.<name>'");
        var sets = new SortedDictionary<long, (List<NamedTensor> Inputs, List<NamedTensor> Outputs, string FirstArray)>();
        bool? prefixed = null;
        foreach (var array in arrays)
        {
            var match = ArrayName().Match(array.Name);
            if (!match.Success)
                throw Invalid(file, $"array '{array.Name}' is not named 'input.<name>', 'output.<name>', 'set<k>.input.<name>' or 'set<k>.output.<name>'");
            bool hasSet = match.Groups["k"].Success;
            if (prefixed is not null && prefixed != hasSet)
                throw Invalid(file, $"array '{array.Name}' mixes set-prefixed and plain names; use one scheme for the whole file");
            prefixed = hasSet;
            long k = 0;
            if (hasSet && !long.TryParse(match.Groups["k"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out k))
                throw Invalid(file, $"array '{array.Name}' has a set number out of range");
            if (!sets.TryGetValue(k, out var set))
            {
                set = ([], [], array.Name);
                sets[k] = set;
            }
            var list = match.Groups["kind"].Value == "input" ? set.Inputs : set.Outputs;
            var name = match.Groups["name"].Value;
            // set1 and set01 land in the same set; a name given twice there is ambiguous, not a later-wins.
            if (list.Any(t => t.Name == name))
                throw Invalid(file, $"array '{array.Name}' repeats {match.Groups["kind"].Value} '{name}' of set {k}");
            list.Add(new NamedTensor(name, array.Data));
        }
        var result = new List<ReferenceSet>();
        foreach (var (k, set) in sets)
        {
            if (set.Inputs.Count == 0)
                throw Invalid(file, $"set {k} (array '{set.FirstArray}') has outputs but no 'input.<name>' arrays");
            if (set.Outputs.Count == 0)
                throw Invalid(file, $"set {k} (array '{set.FirstArray}') has inputs but no 'output.<name>' arrays");
            result.Add(new ReferenceSet("set" + k.ToString(CultureInfo.InvariantCulture), set.Inputs, set.Outputs));
        }
        return new ReferenceData(file, result);
    }

    private static ModelBuildException Invalid(string file, string why) =>
        new(DiagnosticCode.ReferenceInvalid, file, $"invalid reference data: {why}.");

    [GeneratedRegex(@"^(?:set(?<k>[0-9]+)\.)?(?<kind>input|output)\.(?<name>.+)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ArrayName();
}
