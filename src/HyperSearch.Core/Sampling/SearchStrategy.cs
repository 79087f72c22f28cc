namespace HyperSearch.Core.Sampling;

public enum SearchStrategy
{
    Grid,
    Random,
    Tpe,
    /// <summary>Population-based training (docs/pbt.md): settings in the space's <c>pbt</c> section.</summary>
    Pbt,
}
