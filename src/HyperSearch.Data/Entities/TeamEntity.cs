namespace HyperSearch.Data.Entities;

public sealed class TeamEntity
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Its weight in the fair share of the devices (≥ 1; the column defaults to 1).</summary>
    public int Weight { get; set; }
    /// <summary>Most CPU slots the team's trials hold at once; null = no cap.</summary>
    public int? CpuSlots { get; set; }
    /// <summary>Most CUDA slots the team's trials hold at once; null = no cap.</summary>
    public int? CudaSlots { get; set; }
}
