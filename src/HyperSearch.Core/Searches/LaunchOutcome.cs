namespace HyperSearch.Core.Searches;

public enum LaunchOutcome
{
    /// <summary>A new search and its audit entry were written.</summary>
    Created,

    /// <summary>The launcher used this idempotency key before, for the same request: that search, nothing written.</summary>
    Replayed,

    /// <summary>The launcher used this idempotency key before for a different request: nothing written.</summary>
    KeyReused,
}
