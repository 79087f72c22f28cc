namespace HyperSearch.Core.Searches;

/// <summary>The validation metric a search ranks its trials by (never the test metric).</summary>
public enum ObjectiveMetric
{
    ValLoss,
    ValAccuracy,
}
