using HyperSearch.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HyperSearch.Data.Configurations;

public sealed class SearchEntityConfiguration : IEntityTypeConfiguration<SearchEntity>
{
    public void Configure(EntityTypeBuilder<SearchEntity> builder)
    {
        builder.ToTable("Searches");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Strategy).HasConversion<string>();
        builder.Property(s => s.Objective).HasConversion<string>();
        builder.Property(s => s.Direction).HasConversion<string>();
        builder.Property(s => s.ScheduleUnit).HasConversion<string>();
        builder.Property(s => s.State).HasConversion<string>();
        builder.HasOne<TeamEntity>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<UserEntity>().WithMany().HasForeignKey(s => s.LaunchedByUserId).OnDelete(DeleteBehavior.SetNull);
        // The searches list is newest first; workers look for Running searches.
        builder.HasIndex(s => s.CreatedAt).HasDatabaseName("IX_Searches_CreatedAt");
        builder.HasIndex(s => s.State).HasDatabaseName("IX_Searches_State");
        builder.HasIndex(s => s.UpdatedAt).HasDatabaseName("IX_Searches_UpdatedAt");
        // At most one search per launcher and idempotency key, whatever the race (docs/reliability.md).
        builder.Property(s => s.LaunchKey).HasMaxLength(64);
        builder.Property(s => s.LaunchFingerprint).HasMaxLength(64);
        builder.HasIndex(s => s.LaunchKey).IsUnique().HasDatabaseName("IX_Searches_LaunchKey");
        builder.Property(s => s.Notes).HasMaxLength(HyperSearch.Core.Searches.Annotation.MaxNotes);
        builder.Property(s => s.Tags).HasMaxLength(Store.TagColumn.MaxLength);
    }
}
