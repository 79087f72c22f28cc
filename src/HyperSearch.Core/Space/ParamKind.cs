namespace HyperSearch.Core.Space;

/// <summary>The JSON type a parameter's values must have in the trial config.</summary>
public enum ParamKind
{
    Float,
    Int,
    Bool,
    /// <summary>A string from <see cref="ParamInfo.Choices"/>.</summary>
    Choice,
    /// <summary>A strictly increasing list of positive integers (multiStep milestones).</summary>
    IntList,
    /// <summary>A non-empty list of finite numbers, each within the parameter's interval (piecewise factors).</summary>
    FloatList,
}
