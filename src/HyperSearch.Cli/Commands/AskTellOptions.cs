using HyperSearch.Core.Sampling;

namespace HyperSearch.Cli.Commands;

/// <summary>The arguments of <c>hypersearch ask-tell</c>.</summary>
internal sealed record AskTellOptions(string SpacePath, SearchStrategy Strategy, int Seed, int GridPoints, ObjectiveDirection Direction);
