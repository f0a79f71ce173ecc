namespace ModelBuild.Core.Exporters.CoreMl;

/// <summary>What <see cref="CoreMlWriter.Write"/> produced: the package folder, its model and weight file sizes, and the op count.</summary>
public sealed record CoreMlWriteResult(string PackagePath, long ModelLength, long WeightLength, int OperationCount);
