using HyperSearch.Core.Validation;

namespace HyperSearch.Core.Schedules;

/// <summary>A trial config that <see cref="TrialConfigValidator"/> rejected; the message lists every problem.</summary>
public sealed class InvalidTrialConfigException(IReadOnlyList<ValidationError> errors)
    : ArgumentException("invalid trial config: " + string.Join("; ", errors))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
