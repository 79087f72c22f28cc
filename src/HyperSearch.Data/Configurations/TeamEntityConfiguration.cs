using HyperSearch.Core.Access;
using HyperSearch.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HyperSearch.Data.Configurations;

public sealed class TeamEntityConfiguration : IEntityTypeConfiguration<TeamEntity>
{
    public void Configure(EntityTypeBuilder<TeamEntity> builder)
    {
        builder.ToTable("Teams");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.HasIndex(t => t.Name).IsUnique();
        // Teams made before quotas existed (and new ones) weigh 1 and have no caps.
        builder.Property(t => t.Weight).HasDefaultValue(1);
        // Searches made before teams existed move here (Accounts migration).
        builder.HasData(new TeamEntity { Id = DefaultTeam.Id, Name = DefaultTeam.Name, CreatedAt = DateTimeOffset.UnixEpoch, Weight = 1 });
    }
}
