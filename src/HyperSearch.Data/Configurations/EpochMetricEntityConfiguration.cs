using HyperSearch.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HyperSearch.Data.Configurations;

public sealed class EpochMetricEntityConfiguration : IEntityTypeConfiguration<EpochMetricEntity>
{
    public void Configure(EntityTypeBuilder<EpochMetricEntity> builder)
    {
        builder.ToTable("EpochMetrics");
        builder.HasKey(e => e.Id);
        builder.HasOne<TrialEntity>().WithMany().HasForeignKey(e => e.TrialId).OnDelete(DeleteBehavior.Cascade);
        // A retried write (or a retried trial re-reporting epoch k) updates the row, never duplicates it;
        // also the index that reads a trial's curve in epoch order.
        builder.HasIndex(e => new { e.TrialId, e.Epoch }).IsUnique().HasDatabaseName("IX_EpochMetrics_TrialId_Epoch");
    }
}
