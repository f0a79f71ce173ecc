using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;
using DataType = ModelBuild.Core.Tensors.DataType;

namespace ModelBuild.Core.Verification;

/// <summary>
/// Runs an ONNX file with ONNX Runtime on the CPU the way the gate needs it: graph optimizations disabled, so a
/// difference is the converter's and not an ORT fusion's (B.1 stage 4), and one intra-op thread, so reductions
/// add up in the same order on every run. Inputs and outputs are <see cref="NamedTensor"/>s; ORT types stay
/// inside this folder.
/// </summary>
public sealed class OnnxRuntimeRunner : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();

    public OnnxRuntimeRunner(string modelPath)
    {
        ModelPath = modelPath;
        if (!File.Exists(modelPath))
            throw new ModelBuildException(DiagnosticCode.FileNotFound, modelPath, $"model '{modelPath}' does not exist.");
        using var options = CreateOptions(GraphOptimizationLevel.ORT_DISABLE_ALL);
        try
        {
            _session = new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ModelBuildException(DiagnosticCode.RuntimeFailed, modelPath, $"ONNX Runtime could not load the model: {ex.Message}", ex);
        }
        Inputs = _session.InputNames.Select(n => ToValueInfo(n, _session.InputMetadata[n])).ToArray();
        Outputs = _session.OutputNames.Select(n => ToValueInfo(n, _session.OutputMetadata[n])).ToArray();
    }

    public string ModelPath { get; }

    /// <summary>The model's inputs as ORT sees them: names, dtypes, dims with their symbolic names.</summary>
    public IReadOnlyList<ValueInfo> Inputs { get; }

    /// <summary>The model's outputs, in the model's order.</summary>
    public IReadOnlyList<ValueInfo> Outputs { get; }

    /// <summary>The ONNX Runtime version, for reports and the lock.</summary>
    public static string OrtVersion => OrtEnv.Instance().GetVersionString();

    /// <summary>Session options of every session ModelBuild opens; the level is the only thing that varies.</summary>
    internal static SessionOptions CreateOptions(GraphOptimizationLevel level)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = level,
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            // ORT's own log lines are not MSBuild canonical lines; its errors reach us as exceptions instead.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
        };
        return options;
    }

    /// <summary>Runs the model on <paramref name="inputs"/> and returns every model output, in the model's order.</summary>
    public IReadOnlyList<NamedTensor> Run(IReadOnlyList<NamedTensor> inputs)
    {
        var values = new List<OrtValue>(inputs.Count);
        try
        {
            foreach (var input in inputs) values.Add(ToOrtValue(input));
            using var results = _session.Run(_runOptions, inputs.Select(i => i.Name).ToArray(), values, _session.OutputNames);
            var outputs = new List<NamedTensor>(results.Count);
            int k = 0;
            foreach (var result in results) outputs.Add(FromOrtValue(_session.OutputNames[k++], result));
            return outputs;
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ModelBuildException(DiagnosticCode.RuntimeFailed, ModelPath, $"ONNX Runtime could not run the model: {ex.Message}", ex);
        }
        finally
        {
            foreach (var value in values) value.Dispose();
        }
    }

    public void Dispose()
    {
        _runOptions.Dispose();
        _session.Dispose();
    }

    private OrtValue ToOrtValue(NamedTensor input)
    {
        var data = input.Data;
        if (!TensorElements.IsSupported(data.DataType))
            throw new ModelBuildException(DiagnosticCode.UnsupportedFeature, ModelPath,
                $"input '{input.Name}' is {DataTypes.Name(data.DataType)}; only numeric and bool inputs can be fed.");
        // ORT owns the buffer; the bytes are copied in once, which is nothing next to running the model.
        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, (TensorElementType)(int)data.DataType, data.Shape.ToArray());
        try
        {
            data.ReadAllBytes().CopyTo(value.GetTensorMutableRawData());
            return value;
        }
        catch
        {
            value.Dispose();
            throw;
        }
    }

    private NamedTensor FromOrtValue(string name, OrtValue value)
    {
        if (!value.IsTensor)
            throw new ModelBuildException(DiagnosticCode.UnsupportedFeature, ModelPath,
                $"output '{name}' is a {value.OnnxType}, not a tensor; only tensor outputs can be verified.");
        var info = value.GetTensorTypeAndShape();
        var type = (DataType)(int)info.ElementDataType;
        if (!TensorElements.IsSupported(type))
            throw new ModelBuildException(DiagnosticCode.UnsupportedFeature, ModelPath,
                $"output '{name}' is {info.ElementDataType}; only numeric and bool outputs can be verified.");
        var bytes = value.GetTensorMutableRawData().ToArray();
        return new NamedTensor(name, TensorData.FromBytes(bytes, type, info.Shape));
    }

    private static ValueInfo ToValueInfo(string name, NodeMetadata metadata)
    {
        if (!metadata.IsTensor) return new ValueInfo(name, DataType.Undefined, null);
        var dims = new Dim[metadata.Dimensions.Length];
        for (int d = 0; d < dims.Length; d++)
        {
            var symbol = d < metadata.SymbolicDimensions.Length ? metadata.SymbolicDimensions[d] : "";
            // ORT reports a free dim as -1, with its dim_param name when the model gave one.
            dims[d] = metadata.Dimensions[d] >= 0 ? Dim.Fixed(metadata.Dimensions[d])
                : string.IsNullOrEmpty(symbol) ? Dim.Unknown : Dim.Named(symbol);
        }
        return new ValueInfo(name, (DataType)(int)metadata.ElementDataType, new TensorShape(dims));
    }
}
