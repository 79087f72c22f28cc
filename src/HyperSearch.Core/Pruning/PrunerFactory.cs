namespace HyperSearch.Core.Pruning;

public static class PrunerFactory
{
    /// <returns>The pruner, or null for type "none".</returns>
    public static IPruner? Create(PrunerSpec spec) =>
        throw new NotImplementedException("pruners land with issue 3");
}
