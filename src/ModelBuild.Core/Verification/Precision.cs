namespace ModelBuild.Core.Verification;

/// <summary>The numeric precision a model is converted to; it picks the default tolerance of the gate.</summary>
public enum Precision
{
    Fp32,
    Fp16,
}
