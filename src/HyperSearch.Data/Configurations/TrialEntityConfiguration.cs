using HyperSearch.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HyperSearch.Data.Configurations;

public sealed class TrialEntityConfiguration : IEntityTypeConfiguration<TrialEntity>
{
    public void Configure(EntityTypeBuilder<TrialEntity> builder)
    {
        builder.ToTable("Trials");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Kind).HasConversion<string>();
        builder.Property(t => t.State).HasConversion<string>();
        builder.Property(t => t.FailureKind).HasConversion<string>();
        builder.HasOne<SearchEntity>().WithMany().HasForeignKey(t => t.SearchId).OnDelete(DeleteBehavior.Cascade);
        // Two workers asking for trial n of a search: the second insert fails here (budget is checked too).
        builder.HasIndex(t => new { t.SearchId, t.Kind, t.Number }).IsUnique().HasDatabaseName("IX_Trials_SearchId_Kind_Number");
        // Counts per state, running-per-search (fair share, parallelism), state filters of the table.
        builder.HasIndex(t => new { t.SearchId, t.State }).HasDatabaseName("IX_Trials_SearchId_State");
        // Ranked table: best value within a search.
        builder.HasIndex(t => new { t.SearchId, t.BestValue }).HasDatabaseName("IX_Trials_SearchId_BestValue");
        // Claim order and lease reaping.
        builder.HasIndex(t => new { t.State, t.QueuedAt }).HasDatabaseName("IX_Trials_State_QueuedAt");
        builder.HasIndex(t => t.WorkerId).HasDatabaseName("IX_Trials_WorkerId");
        // Live feed: trials changed since a cursor.
        builder.HasIndex(t => t.UpdatedAt).HasDatabaseName("IX_Trials_UpdatedAt");
        builder.Property(t => t.Notes).HasMaxLength(HyperSearch.Core.Searches.Annotation.MaxNotes);
        builder.Property(t => t.Tags).HasMaxLength(Store.TagColumn.MaxLength);
    }
}
