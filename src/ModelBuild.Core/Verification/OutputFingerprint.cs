using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Verification;

/// <summary>
/// A hash of the outputs on seeded inputs, for the lock to notice drift when there is no reference. The raw
/// bytes would differ between CPUs (FMA, SIMD widths) for an unchanged model, so floats are hashed as text
/// rounded to 6 significant digits (<c>E5</c>), -0 as 0; integers and bools exactly. Sets in run order, outputs
/// in ordinal name order, each with its dtype and shape. A value sitting on a rounding boundary can still flip
/// the hash on another CPU; the lock treats a changed fingerprint as a warning for that reason.
/// </summary>
public static class OutputFingerprint
{
    public const int SignificantDigits = 6;

    public static string Compute(IEnumerable<(string Set, IReadOnlyList<NamedTensor> Outputs)> sets)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var line = new StringBuilder();
        void Emit()
        {
            line.Append('\n');
            hash.AppendData(Encoding.UTF8.GetBytes(line.ToString()));
            line.Clear();
        }
        foreach (var (set, outputs) in sets)
        {
            line.Append("set ").Append(set);
            Emit();
            foreach (var output in outputs.OrderBy(o => o.Name, StringComparer.Ordinal))
            {
                var data = output.Data;
                line.Append("output ").Append(output.Name).Append(' ').Append(DataTypes.Name(data.DataType)).Append(NumberText.Index(data.Shape));
                Emit();
                var bytes = data.ReadAllBytes();
                if (DataTypes.IsFloatingPoint(data.DataType))
                {
                    foreach (var v in TensorElements.ToDoubles(bytes, data.DataType))
                    {
                        line.Append(v == 0 ? "0" : double.IsFinite(v) ? v.ToString("E5", CultureInfo.InvariantCulture) : NumberText.Value(v));
                        Emit();
                    }
                }
                else if (TensorElements.IsSupported(data.DataType))
                {
                    foreach (var v in TensorElements.ToInt64s(bytes, data.DataType))
                    {
                        line.Append(v.ToString(CultureInfo.InvariantCulture));
                        Emit();
                    }
                }
                else
                {
                    hash.AppendData(bytes);
                }
            }
        }
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
