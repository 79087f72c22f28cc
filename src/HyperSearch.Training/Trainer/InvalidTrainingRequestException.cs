using HyperSearch.Core.Validation;

namespace HyperSearch.Training.Trainer;

/// <summary>A training request with bad input; <see cref="Errors"/> names every offending field.</summary>
public sealed class InvalidTrainingRequestException(IReadOnlyList<ValidationError> errors)
    : ArgumentException(string.Join("; ", errors))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
