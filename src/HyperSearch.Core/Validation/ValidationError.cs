namespace HyperSearch.Core.Validation;

/// <summary>One problem with user input, located by its JSON path (e.g. <c>decay.step.gamma.high</c>).</summary>
public sealed record ValidationError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
