namespace HyperSearch.Data.Accounts;

/// <summary>What one single sign-on did to an account's teams (names), for the log.</summary>
public sealed record TeamSync(IReadOnlyList<string> Joined, IReadOnlyList<string> Created, IReadOnlyList<string> Ignored, IReadOnlyList<string> Left);
