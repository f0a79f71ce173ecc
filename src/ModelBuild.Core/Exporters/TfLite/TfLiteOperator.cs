namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>One operator application, in execution order; its options table is written by <see cref="Options"/>.</summary>
internal sealed record TfLiteOperator(TfLiteBuiltinOperator Code, int[] Inputs, int[] Outputs, TfLiteOperatorOptions Options);
