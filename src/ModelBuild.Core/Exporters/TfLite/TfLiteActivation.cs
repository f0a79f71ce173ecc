namespace ModelBuild.Core.Exporters.TfLite;

/// <summary><c>ActivationFunctionType</c>: an activation an operator applies to its own output.</summary>
public enum TfLiteActivation : sbyte
{
    None = 0,
    Relu = 1,
    ReluN1To1 = 2,
    Relu6 = 3,
    Tanh = 4,
}
