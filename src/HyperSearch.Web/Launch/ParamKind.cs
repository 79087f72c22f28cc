namespace HyperSearch.Web.Launch;

/// <summary>How the form samples one parameter (the distributions of the search space).</summary>
public enum ParamKind
{
    Float,
    Int,
    Choice,
    Fixed,
}
