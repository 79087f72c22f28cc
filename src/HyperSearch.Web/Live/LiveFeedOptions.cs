namespace HyperSearch.Web.Live;

/// <summary>HyperSearch:Dashboard settings of the live feed.</summary>
public sealed class LiveFeedOptions
{
    public const string Section = "HyperSearch:Dashboard";

    /// <summary>How often the feed reads new metrics and state changes for all viewers.</summary>
    public int LiveFeedMilliseconds { get; set; } = 1000;
}
