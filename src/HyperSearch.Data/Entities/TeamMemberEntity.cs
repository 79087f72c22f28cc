using HyperSearch.Core.Access;

namespace HyperSearch.Data.Entities;

public sealed class TeamMemberEntity
{
    public long TeamId { get; set; }
    public required string UserId { get; set; }
    public TeamRole Role { get; set; }
}
