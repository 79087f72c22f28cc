namespace HyperSearch.Core.Configuration;

/// <summary>
/// Where a population-based-training segment sits: member <see cref="Member"/> trains epochs
/// <see cref="StartEpoch"/>+1 … <see cref="EndEpoch"/> (global numbering, so the schedule position
/// continues), starting from the checkpoint of trial <see cref="ParentNumber"/> (its own previous
/// segment, or a top member's when <see cref="CopiedFromMember"/> is set: exploit). Null parent =
/// generation 0, trained from scratch. Stored with the trial config: it is the lineage.
/// </summary>
public sealed record PbtLineage
{
    public required int Member { get; init; }
    public required int Generation { get; init; }
    public required int StartEpoch { get; init; }
    public required int EndEpoch { get; init; }
    public int? ParentNumber { get; init; }
    /// <summary>The parent's trial id: its checkpoint key (<c>trial-{id}</c>).</summary>
    public long? ParentTrialId { get; init; }
    /// <summary>The member whose weights, optimizer state and schedule position were copied (exploit); null = continued itself.</summary>
    public int? CopiedFromMember { get; init; }
}
