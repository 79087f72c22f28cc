namespace HyperSearch.Core.Searches;

/// <summary>
/// What people write on a search or a trial: free notes and short tags ("baseline", "paper-fig-3"),
/// as W&amp;B runs and optuna-dashboard trials carry them. Tags are lower case and filter the lists.
/// </summary>
public sealed record Annotation(string Notes, IReadOnlyList<string> Tags)
{
    public const int MaxNotes = 10_000;
    public const int MaxTags = 20;
    public const int MaxTagLength = 32;

    public static Annotation None { get; } = new("", []);
}
