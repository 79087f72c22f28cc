using System.Security.Cryptography;

namespace HyperSearch.Core.Searches;

/// <summary>The seed of a search launched without one: random, non-negative, shown on its page and in the API.</summary>
public static class SearchSeed
{
    public static int New() => RandomNumberGenerator.GetInt32(0, int.MaxValue);
}
