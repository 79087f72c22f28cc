using HyperSearch.Core.Pruning;

namespace HyperSearch.Worker;

public sealed class CorePrunerProvider : IPrunerProvider
{
    public IPruner? Create(PrunerSpec spec) => spec.Type == "none" ? null : PrunerFactory.Create(spec);
}
