namespace ModelBuild.Cli.Tests.Torchvision;

/// <summary>A single-case test of the torchvision tier: skipped, with the reason, where no Python with torch and
/// torchvision is found.</summary>
public sealed class TorchvisionFactAttribute : FactAttribute
{
    public TorchvisionFactAttribute()
    {
        if (TorchvisionFixture.MissingReason is { } reason) Skip = reason;
    }
}
