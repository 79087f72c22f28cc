namespace HyperSearch.Core.Schedules;

/// <summary>CyclicLR's amplitude policy (config names triangular, triangular2, expRange).</summary>
internal enum CyclicMode
{
    Triangular,
    Triangular2,
    ExpRange,
}
