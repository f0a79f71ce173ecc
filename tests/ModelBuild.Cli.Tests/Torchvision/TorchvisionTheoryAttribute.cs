namespace ModelBuild.Cli.Tests.Torchvision;

/// <summary>
/// A theory of the torchvision tier: reported skipped, with the reason, where no Python with torch and torchvision
/// is found; rows of architectures that do not convert yet carry their own <c>Skip</c> naming what is missing.
/// </summary>
public sealed class TorchvisionTheoryAttribute : TheoryAttribute
{
    public TorchvisionTheoryAttribute()
    {
        if (TorchvisionFixture.MissingReason is { } reason) Skip = reason;
    }
}
