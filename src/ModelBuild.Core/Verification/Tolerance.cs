namespace ModelBuild.Core.Verification;

/// <summary>
/// One output's tolerance in numpy <c>allclose</c> form: an element passes when
/// <c>|actual − expected| ≤ Atol + Rtol·|expected|</c>.
/// </summary>
public sealed record Tolerance(double Atol, double Rtol)
{
    /// <summary>DESIGN's defaults: fp32 1e-5/1e-4, fp16 1e-2/1e-2 (the reference stays fp32, so fp16 needs room).</summary>
    public static Tolerance DefaultFor(Precision precision) => precision switch
    {
        Precision.Fp16 => new Tolerance(1e-2, 1e-2),
        _ => new Tolerance(1e-5, 1e-4),
    };

    /// <summary>The denominator of the element rule; zero only when both tolerances are zero and the value is 0.</summary>
    public double Allowed(double expected) => Atol + Rtol * Math.Abs(expected);

    public override string ToString() => $"atol {NumberText.Short(Atol)}, rtol {NumberText.Short(Rtol)}";
}
