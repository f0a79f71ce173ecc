namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>Which PyTorch container a file is, decided from its records (zip) or its first pickle (legacy).</summary>
public enum PyTorchFormat
{
    /// <summary><c>torch.save</c> zip (default since 1.6): <c>&lt;root&gt;/data.pkl</c> + <c>data/&lt;key&gt;</c>, no <c>constants.pkl</c>.</summary>
    TorchSave,
    /// <summary><c>torch.jit.save</c>: <c>data.pkl</c>, <c>constants.pkl</c> and serialized code under <c>code/</c>.</summary>
    TorchScript,
    /// <summary><c>torch.save(..., _use_new_zipfile_serialization=False)</c> or torch &lt; 1.6: pickles then raw storages.</summary>
    Legacy,
}
