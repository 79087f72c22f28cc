namespace HyperSearch.Data.Entities;

public sealed class TeamEntity
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
