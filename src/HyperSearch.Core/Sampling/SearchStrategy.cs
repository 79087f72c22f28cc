namespace HyperSearch.Core.Sampling;

public enum SearchStrategy
{
    Grid,
    Random,
    Tpe,
}
