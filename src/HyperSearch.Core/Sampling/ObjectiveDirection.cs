namespace HyperSearch.Core.Sampling;

public enum ObjectiveDirection
{
    Minimize,
    Maximize,
}
