using HyperSearch.Core.Pruning;

namespace HyperSearch.Worker;

/// <summary>The pruner for a search's settings (null = never prune).</summary>
public interface IPrunerProvider
{
    IPruner? Create(PrunerSpec spec);
}
